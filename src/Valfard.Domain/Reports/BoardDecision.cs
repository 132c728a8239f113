using Valfard.Domain.Common;

namespace Valfard.Domain.Reports;

/// <summary>
/// The municipal board's decision on the report (kunnanhallitus / kommunstyrelsen; in a wellbeing services county
/// aluehallitus / områdesstyrelsen) as the secretary records it from the board's minutes. Under the Local Government
/// Act the board prepares what the council decides, so the decision carries the board's proposal to the council and
/// any amendment the board made to the welfare group's text.
/// </summary>
public sealed record BoardDecision
{
    public const int ProposalMaxLength = 4000;

    private BoardDecision()
    {
        Body = string.Empty;
        BodySv = string.Empty;
        Paragraph = string.Empty;
        Proposal = string.Empty;
    }

    public string Body { get; private init; }

    /// <summary>The board's name in Swedish ("Kommunstyrelsen"); <see cref="Body"/> is the Finnish one, or the only one written.</summary>
    public string BodySv { get; private init; }
    public DateOnly MeetingDate { get; private init; }
    public string Paragraph { get; private init; }

    /// <summary>What the board proposes the council decide, in the words of the minutes.</summary>
    public string Proposal { get; private init; }
    public string? MinutesUrl { get; private init; }
    public string? Amendment { get; private init; }

    public string BodyIn(string language) => BilingualText.In(Body, BodySv, language);

    /// <summary>
    /// The same decision with the board's Swedish name, a separate step as for the council's
    /// (<see cref="CouncilDecision.WithBodySv"/>) and checked by the same rule.
    /// </summary>
    public BoardDecision WithBodySv(string? bodySv) => this with { BodySv = CouncilDecision.TidyBodySv(bodySv) };

    /// <summary>
    /// A copy for the approved version: EF Core stores an owned value once per owner, so the report and its version
    /// must not share one instance.
    /// </summary>
    internal BoardDecision Copy() => this with { };

    /// <summary>Checks and tidies a board decision with the same rules as the council's, plus the proposal it must make.</summary>
    public static BoardDecision Create(string? body, DateOnly? meetingDate, string? paragraph, string? proposal, string? minutesUrl,
        string? amendment, DateOnly today)
    {
        var fields = CouncilDecision.Create(body, meetingDate, paragraph, minutesUrl, amendment, today);
        proposal = proposal?.Trim().ReplaceLineEndings("\n") ?? string.Empty;
        if (proposal.Length == 0)
        {
            throw new DomainException("Validation.BoardProposalRequired", nameof(Proposal));
        }
        if (proposal.Length > ProposalMaxLength)
        {
            throw new DomainException("Validation.BoardProposalTooLong", nameof(Proposal));
        }
        return new BoardDecision
        {
            Body = fields.Body,
            MeetingDate = fields.MeetingDate,
            Paragraph = fields.Paragraph,
            Proposal = proposal,
            MinutesUrl = fields.MinutesUrl,
            Amendment = fields.Amendment,
        };
    }
}
