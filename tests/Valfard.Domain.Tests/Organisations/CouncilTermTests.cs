using Valfard.Domain.Common;
using Valfard.Domain.Organisations;

namespace Valfard.Domain.Tests.Organisations;

public sealed class CouncilTermTests
{
    private static readonly CouncilTerm Previous = new(Guid.NewGuid(), new DateOnly(2021, 8, 1), new DateOnly(2025, 5, 31));
    private static readonly CouncilTerm Current = new(Guid.NewGuid(), new DateOnly(2025, 6, 1), new DateOnly(2029, 5, 31));

    [Theory]
    [InlineData(2025, 6, 1, "2025–2029")]
    [InlineData(2026, 11, 22, "2025–2029")]
    [InlineData(2029, 5, 31, "2025–2029")]
    [InlineData(2025, 5, 31, "2021–2025")]
    public void The_current_term_is_the_one_containing_the_day(int year, int month, int day, string label)
    {
        var term = CouncilTerm.CurrentOf([Previous, Current], new DateOnly(year, month, day));

        Assert.Equal(label, term!.Label);
    }

    [Fact]
    public void No_term_covers_a_day_outside_every_term() =>
        Assert.Null(CouncilTerm.CurrentOf([Previous, Current], new DateOnly(2030, 1, 1)));

    [Fact]
    public void A_term_lists_the_years_it_touches() =>
        Assert.Equal([2025, 2026, 2027, 2028, 2029], Current.Years);

    [Fact]
    public void A_term_must_end_after_it_starts() =>
        Assert.Throws<DomainException>(() => new CouncilTerm(Guid.NewGuid(), new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 1)));
}
