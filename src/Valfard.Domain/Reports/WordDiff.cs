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
        return Readable(pieces);
    }

    /// <summary>
    /// A space kept between two changed words splits one edit into many small ones; folding such spaces into the
    /// change shows "old phrase" → "new phrase", which is how people read a revision.
    /// </summary>
    private static List<DiffPiece> Readable(List<DiffPiece> pieces)
    {
        var result = new List<DiffPiece>();
        var removed = new System.Text.StringBuilder();
        var added = new System.Text.StringBuilder();
        for (var i = 0; i < pieces.Count; i++)
        {
            var piece = pieces[i];
            var inChange = removed.Length + added.Length > 0;
            var bridge = piece.Kind == DiffKind.Same && inChange && string.IsNullOrWhiteSpace(piece.Text)
                && i + 1 < pieces.Count && pieces[i + 1].Kind != DiffKind.Same;
            if (piece.Kind == DiffKind.Removed || bridge)
            {
                removed.Append(piece.Text);
            }
            if (piece.Kind == DiffKind.Added || bridge)
            {
                added.Append(piece.Text);
            }
            if (piece.Kind == DiffKind.Same && !bridge)
            {
                Flush();
                result.Add(piece);
            }
        }
        Flush();
        return result;

        void Flush()
        {
            if (removed.Length > 0)
            {
                result.Add(new DiffPiece(DiffKind.Removed, removed.ToString()));
            }
            if (added.Length > 0)
            {
                result.Add(new DiffPiece(DiffKind.Added, added.ToString()));
            }
            removed.Clear();
            added.Clear();
        }
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

    /// <summary>Words and the whitespace between them as separate tokens, so that joining them gives back the text.</summary>
    private static string[] Tokens(string text) =>
        TokenPattern().Matches(text ?? string.Empty).Select(m => m.Value).ToArray();

    [GeneratedRegex(@"\S+|\s+")]
    private static partial Regex TokenPattern();
}
