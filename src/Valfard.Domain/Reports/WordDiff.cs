using System.Text.RegularExpressions;

namespace Valfard.Domain.Reports;

public enum DiffKind
{
    Same,
    Added,
    Removed,
}

public sealed record DiffPiece(DiffKind Kind, string Text);

/// <summary>A readable word-by-word difference between two plain texts, for comparing revisions.</summary>
public static partial class WordDiff
{
    /// <summary>Beyond this many word pairs the changed middle is shown as one removal and one addition.</summary>
    private const long MaxCells = 4_000_000;

    public static IReadOnlyList<DiffPiece> Compare(string before, string after)
    {
        var a = Tokens(before);
        var b = Tokens(after);
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }
        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }

        var pieces = new List<DiffPiece>();
        Add(pieces, DiffKind.Same, a.Take(prefix));
        var middleA = a[prefix..(a.Length - suffix)];
        var middleB = b[prefix..(b.Length - suffix)];
        if ((long)middleA.Length * middleB.Length > MaxCells)
        {
            Add(pieces, DiffKind.Removed, middleA);
            Add(pieces, DiffKind.Added, middleB);
        }
        else
        {
            Lcs(middleA, middleB, pieces);
        }
        Add(pieces, DiffKind.Same, a.Skip(a.Length - suffix));
        return pieces;
    }

    private static void Lcs(string[] a, string[] b, List<DiffPiece> pieces)
    {
        var lengths = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                Add(pieces, DiffKind.Same, [a[x++]]);
                y++;
            }
            else if (lengths[x + 1, y] >= lengths[x, y + 1])
            {
                Add(pieces, DiffKind.Removed, [a[x++]]);
            }
            else
            {
                Add(pieces, DiffKind.Added, [b[y++]]);
            }
        }
        Add(pieces, DiffKind.Removed, a.Skip(x));
        Add(pieces, DiffKind.Added, b.Skip(y));
    }

    /// <summary>Appends tokens, merging with the previous piece of the same kind so the result reads as phrases.</summary>
    private static void Add(List<DiffPiece> pieces, DiffKind kind, IEnumerable<string> tokens)
    {
        var text = string.Concat(tokens);
        if (text.Length == 0)
        {
            return;
        }
        if (pieces.Count > 0 && pieces[^1].Kind == kind)
        {
            pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + text };
        }
        else
        {
            pieces.Add(new DiffPiece(kind, text));
        }
    }

    /// <summary>Words with their trailing whitespace, so that joining the tokens gives back the text.</summary>
    private static string[] Tokens(string text) =>
        TokenPattern().Matches(text ?? string.Empty).Select(m => m.Value).ToArray();

    [GeneratedRegex(@"\S+\s*|\s+")]
    private static partial Regex TokenPattern();
}
