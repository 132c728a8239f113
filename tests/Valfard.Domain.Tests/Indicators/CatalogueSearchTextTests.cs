using Valfard.Domain.Indicators;

namespace Valfard.Domain.Tests.Indicators;

public sealed class CatalogueSearchTextTests
{
    [Theory]
    [InlineData("VÄESTÖ", "väestö")]
    [InlineData("ÅLDER", "ålder")]
    [InlineData("Café Müller", "cafe muller")]
    [InlineData("0–17-åringar", "0–17-åringar")]
    public void Case_goes_and_accents_go_except_on_finnish_and_swedish_letters(string typed, string normalized) =>
        Assert.Equal(normalized, CatalogueSearchText.Normalize(typed));

    [Fact]
    public void A_with_dots_stays_apart_from_a_plain_a()
    {
        Assert.NotEqual(CatalogueSearchText.Normalize("väestö"), CatalogueSearchText.Normalize("vaesto"));
        Assert.DoesNotContain("aiti", CatalogueSearchText.Of(1, new LocalizedText("Äiti", "Mor", "Mother")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_decomposed_a_with_dots_is_the_same_letter_as_a_composed_one() =>
        Assert.Equal("äiti", CatalogueSearchText.Normalize("A\u0308iti"));

    [Fact]
    public void The_words_of_a_query_are_split_on_any_space_and_given_once() =>
        Assert.Equal(["psykiska", "störningar"], CatalogueSearchText.Words("  Psykiska\tSTÖRNINGAR psykiska "));

    [Fact]
    public void An_indicator_is_found_by_its_id_and_its_titles_in_every_language()
    {
        var text = CatalogueSearchText.Of(127, new LocalizedText("Väestö 31.12.", "Befolkning 31.12", "Population at year end"));

        Assert.StartsWith("127 ", text, StringComparison.Ordinal);
        Assert.Contains("väestö", text, StringComparison.Ordinal);
        Assert.Contains("befolkning", text, StringComparison.Ordinal);
        Assert.Contains("population", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_stored_text_follows_the_title()
    {
        var indicator = new Indicator(5) { Title = new LocalizedText("Vanha", string.Empty, string.Empty) };
        indicator.Title = new LocalizedText("Uusi nimi", "Nytt namn", string.Empty);

        Assert.Equal("5 uusi nimi | nytt namn | ", indicator.SearchText);
    }
}
