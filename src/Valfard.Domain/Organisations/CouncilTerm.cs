using Valfard.Domain.Common;

namespace Valfard.Domain.Organisations;

/// <summary>
/// A four-year council term. Municipal and county council terms are set nationally, so terms are shared by every
/// organisation on the installation.
/// </summary>
public class CouncilTerm
{
    private CouncilTerm() { }

    public CouncilTerm(Guid id, DateOnly startDate, DateOnly endDate)
    {
        if (endDate <= startDate)
        {
            throw new DomainException("Validation.TermEndBeforeStart");
        }
        Id = id;
        StartDate = startDate;
        EndDate = endDate;
    }

    public Guid Id { get; private set; }
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }

    /// <summary>"2025–2029": how people name a term.</summary>
    public string Label => $"{StartDate.Year}\u2013{EndDate.Year}";

    public bool Contains(DateOnly date) => date >= StartDate && date <= EndDate;

    /// <summary>The years whose annual report falls in this term (the first year's report is written in the term's second year).</summary>
    public IEnumerable<int> Years => Enumerable.Range(StartDate.Year, EndDate.Year - StartDate.Year + 1);

    public static CouncilTerm? CurrentOf(IEnumerable<CouncilTerm> terms, DateOnly today) =>
        terms.FirstOrDefault(t => t.Contains(today));
}
