using Valfard.Domain.Common;

namespace Valfard.Domain.Reports;

/// <summary>
/// The council's decision as the secretary records it from the minutes: which body decided, at which meeting, under
/// which paragraph (§), with an optional link to the minutes and the text of any amendment the council made.
/// </summary>
public sealed record CouncilDecision
{
    public const int BodyMaxLength = 200;
    public const int ParagraphMaxLength = 20;
    public const int MinutesUrlMaxLength = 500;
    public const int AmendmentMaxLength = 4000;

    private CouncilDecision()
    {
        Body = string.Empty;
        BodySv = string.Empty;
        Paragraph = string.Empty;
    }

    public string Body { get; private init; }

    /// <summary>The body's name in Swedish ("Stadsfullmäktige"); <see cref="Body"/> is the Finnish one, or the only one written.</summary>
    public string BodySv { get; private init; }
    public DateOnly MeetingDate { get; private init; }
    public string Paragraph { get; private init; }
    public string? MinutesUrl { get; private init; }
    public string? Amendment { get; private init; }

    public string BodyIn(string language) => BilingualText.In(Body, BodySv, language);

    /// <summary>
    /// The same decision with the body's Swedish name. A separate step rather than a parameter of <see cref="Create"/>
    /// so the board's decision, which shares the body rules, keeps its own shape.
    /// </summary>
    public CouncilDecision WithBodySv(string? bodySv) => this with { BodySv = TidyBodySv(bodySv) };

    /// <summary>The Swedish body name's rule, shared with the board's decision.</summary>
    internal static string TidyBodySv(string? bodySv)
    {
        bodySv = bodySv?.Trim() ?? string.Empty;
        if (bodySv.Length > BodyMaxLength)
        {
            throw new DomainException("Validation.DecisionBodyTooLong", nameof(BodySv));
        }
        return bodySv;
    }

    /// <summary>Checks and tidies a decision; the date may not be later than today (a decision is recorded after the meeting).</summary>
    public static CouncilDecision Create(string? body, DateOnly? meetingDate, string? paragraph, string? minutesUrl, string? amendment,
        DateOnly today)
    {
        body = body?.Trim() ?? string.Empty;
        paragraph = (paragraph?.Trim() ?? string.Empty).TrimStart('§').Trim();
        minutesUrl = string.IsNullOrWhiteSpace(minutesUrl) ? null : minutesUrl.Trim();
        amendment = string.IsNullOrWhiteSpace(amendment) ? null : amendment.Trim().ReplaceLineEndings("\n");
        if (body.Length == 0)
        {
            throw new DomainException("Validation.DecisionBodyRequired", nameof(Body));
        }
        if (body.Length > BodyMaxLength)
        {
            throw new DomainException("Validation.DecisionBodyTooLong", nameof(Body));
        }
        if (meetingDate is not { } date)
        {
            throw new DomainException("Validation.DecisionDateRequired", nameof(MeetingDate));
        }
        if (date > today)
        {
            throw new DomainException("Validation.DecisionDateInFuture", nameof(MeetingDate));
        }
        if (paragraph.Length == 0)
        {
            throw new DomainException("Validation.DecisionParagraphRequired", nameof(Paragraph));
        }
        if (paragraph.Length > ParagraphMaxLength)
        {
            throw new DomainException("Validation.DecisionParagraphTooLong", nameof(Paragraph));
        }
        if (minutesUrl is not null && (minutesUrl.Length > MinutesUrlMaxLength
                || !Uri.TryCreate(minutesUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            throw new DomainException("Validation.DecisionMinutesUrl", nameof(MinutesUrl));
        }
        if (amendment is { Length: > AmendmentMaxLength })
        {
            throw new DomainException("Validation.DecisionAmendmentTooLong", nameof(Amendment));
        }
        return new CouncilDecision
        {
            Body = body,
            MeetingDate = date,
            Paragraph = paragraph,
            MinutesUrl = minutesUrl,
            Amendment = amendment,
        };
    }
}
