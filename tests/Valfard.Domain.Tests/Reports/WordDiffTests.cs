using Valfard.Domain.Reports;

namespace Valfard.Domain.Tests.Reports;

public sealed class WordDiffTests
{
    private static string Render(IEnumerable<DiffPiece> pieces) => string.Concat(pieces.Select(p => p.Kind switch
    {
        DiffKind.Added => $"[+{p.Text}]",
        DiffKind.Removed => $"[-{p.Text}]",
        _ => p.Text,
    }));

    [Theory]
    [InlineData("Lapset voivat hyvin.", "Lapset ja nuoret voivat hyvin.", "Lapset [+ja nuoret ]voivat hyvin.")]
    [InlineData("Lapset voivat todella hyvin.", "Lapset voivat hyvin.", "Lapset voivat [-todella ]hyvin.")]
    [InlineData("Barn mår bra.", "Unga mår bra.", "[-Barn][+Unga] mår bra.")]
    public void Added_and_removed_words_are_marked_and_the_rest_is_kept(string before, string after, string expected) =>
        Assert.Equal(expected, Render(WordDiff.Compare(before, after)));

    [Fact]
    public void Joining_the_pieces_gives_back_both_texts()
    {
        const string before = "Yksi kaksi kolme.\nNeljä viisi.";
        const string after = "Yksi kolme neljä.\nNeljä viisi kuusi.";

        var diff = WordDiff.Compare(before, after);

        Assert.Equal(before, string.Concat(diff.Where(p => p.Kind != DiffKind.Added).Select(p => p.Text)));
        Assert.Equal(after, string.Concat(diff.Where(p => p.Kind != DiffKind.Removed).Select(p => p.Text)));
    }

    [Fact]
    public void Identical_texts_are_one_unchanged_piece()
    {
        var diff = WordDiff.Compare("Sama teksti.", "Sama teksti.");

        Assert.Equal([new DiffPiece(DiffKind.Same, "Sama teksti.")], diff);
    }

    [Fact]
    public void Text_added_to_an_empty_section_is_all_new()
    {
        var diff = WordDiff.Compare(string.Empty, "Uusi luku.");

        Assert.Equal([new DiffPiece(DiffKind.Added, "Uusi luku.")], diff);
    }

    [Fact]
    public void A_very_large_change_is_shown_as_one_removal_and_one_addition()
    {
        var before = string.Join(' ', Enumerable.Range(0, 3000).Select(i => $"a{i}"));
        var after = string.Join(' ', Enumerable.Range(0, 3000).Select(i => $"b{i}"));

        var diff = WordDiff.Compare(before, after);

        Assert.Equal([DiffKind.Removed, DiffKind.Added], diff.Select(p => p.Kind));
    }
}

public sealed class WordDiffReadabilityTests
{
    [Fact]
    public void A_rewritten_phrase_reads_as_one_removal_and_one_addition()
    {
        var diff = WordDiff.Compare("Alku. Vanha lause tässä. Loppu.", "Alku. Uusi virke on nyt. Loppu.");

        Assert.Equal(
        [
            new DiffPiece(DiffKind.Same, "Alku. "),
            new DiffPiece(DiffKind.Removed, "Vanha lause tässä."),
            new DiffPiece(DiffKind.Added, "Uusi virke on nyt."),
            new DiffPiece(DiffKind.Same, " Loppu."),
        ], diff);
    }
}
