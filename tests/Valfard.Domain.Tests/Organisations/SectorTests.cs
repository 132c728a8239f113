using Valfard.Domain.Common;
using Valfard.Domain.Organisations;

namespace Valfard.Domain.Tests.Organisations;

public sealed class SectorTests
{
    [Fact]
    public void A_sector_is_named_in_the_readers_language_with_finnish_as_fallback()
    {
        var sector = new Sector(Guid.NewGuid(), Guid.NewGuid(), "education", "Sivistystoimi", "Bildningssektorn", "");

        Assert.Equal("Bildningssektorn", sector.NameIn("sv"));
        Assert.Equal("Sivistystoimi", sector.NameIn("en"));
    }

    [Fact]
    public void A_sector_needs_a_finnish_name_and_a_valid_code()
    {
        Assert.Throws<DomainException>(() => new Sector(Guid.NewGuid(), Guid.NewGuid(), "education", " ", "Bildning", "Education"));
        Assert.Throws<DomainException>(() => new Sector(Guid.NewGuid(), Guid.NewGuid(), "Education!", "Sivistys", "", ""));
    }
}
