using Valfard.Domain.Common;
using Valfard.Domain.Organisations;

namespace Valfard.Domain.Tests.Organisations;

public sealed class OrganisationTests
{
    private static Organisation Municipality(string code = "091", string slug = "helsinki") =>
        new(Guid.NewGuid(), OrganisationKind.Municipality, "Helsinki", "Helsingfors", code, OrganisationLanguages.Bilingual, slug);

    private static Organisation County() =>
        new(Guid.NewGuid(), OrganisationKind.WellbeingServicesCounty, "Länsi-Uudenmaan hyvinvointialue",
            "Västra Nylands välfärdsområde", "02", OrganisationLanguages.Bilingual, "lansi-uusimaa");

    [Fact]
    public void A_municipality_joins_a_county()
    {
        var municipality = Municipality();
        var county = County();

        municipality.AssignToCounty(county);

        Assert.Equal(county.Id, municipality.CountyId);
    }

    [Fact]
    public void A_county_cannot_join_a_county_and_a_municipality_cannot_be_a_county()
    {
        Assert.Equal("Validation.OnlyMunicipalityInCounty", Assert.Throws<DomainException>(() => County().AssignToCounty(County())).Message);
        Assert.Equal("Validation.CountyMustBeCounty", Assert.Throws<DomainException>(() => Municipality().AssignToCounty(Municipality("092", "vantaa"))).Message);
    }

    [Theory]
    [InlineData("91")]
    [InlineData("0911")]
    [InlineData("09a")]
    [InlineData("")]
    public void A_municipality_code_is_three_digits(string code)
    {
        var error = Assert.Throws<DomainException>(() => Municipality(code));

        Assert.Equal("Validation.MunicipalityCodeInvalid", error.Message);
    }

    [Fact]
    public void A_county_code_is_two_digits()
    {
        var error = Assert.Throws<DomainException>(() =>
            new Organisation(Guid.NewGuid(), OrganisationKind.WellbeingServicesCounty, "X", "", "123", OrganisationLanguages.Finnish, "x"));

        Assert.Equal("Validation.CountyCodeInvalid", error.Message);
    }

    [Fact]
    public void An_organisation_needs_a_language_and_a_name()
    {
        Assert.Throws<DomainException>(() => Municipality().SetLanguages(OrganisationLanguages.None));
        Assert.Throws<DomainException>(() => Municipality().Rename(" ", ""));
    }

    [Fact]
    public void A_swedish_only_name_serves_as_the_finnish_name_too()
    {
        var organisation = Municipality();

        organisation.Rename("", "Närpes");

        Assert.Equal("Närpes", organisation.NameIn("fi"));
        Assert.Equal("Närpes", organisation.NameIn("sv"));
    }

    [Fact]
    public void The_name_follows_the_language_and_falls_back_to_finnish()
    {
        var finnishOnly = new Organisation(Guid.NewGuid(), OrganisationKind.Municipality, "Esimerkkilä", "", "996", OrganisationLanguages.Finnish, "esimerkkila");

        Assert.Equal("Helsingfors", Municipality().NameIn("sv"));
        Assert.Equal("Helsinki", Municipality().NameIn("en"));
        Assert.Equal("Esimerkkilä", finnishOnly.NameIn("sv"));
        Assert.False(finnishOnly.IsBilingual);
        Assert.Equal("fi", finnishOnly.PrimaryLanguageCode);
    }

    [Fact]
    public void Renewing_the_version_gives_a_new_token()
    {
        var organisation = Municipality();
        var before = organisation.Version;

        organisation.RenewVersion();

        Assert.NotEqual(before, organisation.Version);
    }
}
