using Valfard.Domain.Common;
using Valfard.Domain.Organisations;

namespace Valfard.Domain.Tests.Organisations;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Esimerkkilä", "esimerkkila")]
    [InlineData("Pedersören kunta", "pedersoren-kunta")]
    [InlineData("  Mänttä-Vilppula ", "mantta-vilppula")]
    [InlineData("Åland / Ahvenanmaa", "aland-ahvenanmaa")]
    public void A_slug_is_made_from_a_name(string name, string expected) => Assert.Equal(expected, Slug.FromName(name));

    [Theory]
    [InlineData("demo", true)]
    [InlineData("lansi-uusimaa", true)]
    [InlineData("Demo", false)]
    [InlineData("-demo", false)]
    [InlineData("demo--x", false)]
    [InlineData("esimerkkilä", false)]
    [InlineData("", false)]
    public void Only_lower_case_ascii_words_joined_by_single_hyphens_are_valid(string slug, bool valid) =>
        Assert.Equal(valid, Slug.IsValid(slug));

    [Fact]
    public void A_too_long_slug_is_refused() =>
        Assert.Throws<DomainException>(() => Slug.Require(new string('a', OrganisationLimits.SlugMaxLength + 1)));
}
