using Valfard.Domain.Common;
using Valfard.Domain.Indicators;

namespace Valfard.Domain.Reports;

/// <summary>
/// One indicator behind a joy or a concern, as it stood on the day it was linked: the own area, the year and value,
/// and the whole analysis (interval bounds, the verdict against each benchmark, the trend) as a versioned JSON
/// record. It is never recomputed: the report keeps what the welfare group saw (ADR 0022). Whether today's data
/// still support the observation is worked out on the page from fresh data, beside this.
/// </summary>
public class ObservationEvidence
{
    public const int TitleMaxLength = 500;
    public const int UnitMaxLength = 100;
    public const int RegionMaxLength = 200;

    /// <summary>The shape of <see cref="Analysis"/>; a later shape gets a new number and a reader for the old one.</summary>
    public const int CurrentSchemaVersion = 1;

    private ObservationEvidence()
    {
        TitleFi = string.Empty;
        TitleSv = string.Empty;
        UnitFi = string.Empty;
        UnitSv = string.Empty;
        RegionFi = string.Empty;
        RegionSv = string.Empty;
        Analysis = string.Empty;
    }

    internal ObservationEvidence(Guid id, Guid observationId, EvidenceCapture capture, Guid addedById, DateTimeOffset now) : this()
    {
        Id = id;
        ObservationId = observationId;
        IndicatorId = capture.IndicatorId;
        TitleFi = Clip(capture.TitleFi, TitleMaxLength);
        TitleSv = Clip(capture.TitleSv, TitleMaxLength);
        UnitFi = Clip(capture.UnitFi, UnitMaxLength);
        UnitSv = Clip(capture.UnitSv, UnitMaxLength);
        Decimals = capture.Decimals;
        Direction = capture.Direction;
        RegionFi = Clip(capture.RegionFi, RegionMaxLength);
        RegionSv = Clip(capture.RegionSv, RegionMaxLength);
        Year = capture.Year;
        Value = capture.Value;
        SchemaVersion = CurrentSchemaVersion;
        Analysis = capture.AnalysisJson;
        AddedById = addedById;
        CapturedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ObservationId { get; private set; }
    public int IndicatorId { get; private set; }
    public string TitleFi { get; private set; }
    public string TitleSv { get; private set; }
    public string UnitFi { get; private set; }
    public string UnitSv { get; private set; }
    public int? Decimals { get; private set; }

    /// <summary>Which way was good when it was captured: the verdicts were read with it.</summary>
    public IndicatorDirection Direction { get; private set; }
    public string RegionFi { get; private set; }
    public string RegionSv { get; private set; }
    public int? Year { get; private set; }
    public double? Value { get; private set; }
    public int SchemaVersion { get; private set; }

    /// <summary>The analysis as JSON (<see cref="SchemaVersion"/>); empty when there was no value to analyse.</summary>
    public string Analysis { get; private set; }
    public Guid AddedById { get; private set; }
    public DateTimeOffset CapturedAt { get; private set; }

    public string TitleIn(string language) => language == "sv" && TitleSv.Length > 0 ? TitleSv : TitleFi.Length > 0 ? TitleFi : TitleSv;

    public string UnitIn(string language) => language == "sv" && UnitSv.Length > 0 ? UnitSv : UnitFi;

    public string RegionIn(string language) => language == "sv" && RegionSv.Length > 0 ? RegionSv : RegionFi;

    private static string Clip(string? text, int max)
    {
        text = text?.Trim() ?? string.Empty;
        return text.Length > max ? text[..max] : text;
    }
}

/// <summary>What is captured for an indicator when it is linked: titles and region in both languages and the analysis.</summary>
public sealed record EvidenceCapture(
    int IndicatorId,
    string TitleFi,
    string TitleSv,
    string UnitFi,
    string UnitSv,
    int? Decimals,
    IndicatorDirection Direction,
    string RegionFi,
    string RegionSv,
    int? Year,
    double? Value,
    string AnalysisJson);

/// <summary>
/// A candidate joy or concern the welfare group turned down for one report: who, when and why. It holds for the
/// year of data it was made on, so a newer year's evidence brings the candidate back.
/// </summary>
public class CandidateRejection : IOrganisationOwned
{
    public const int ReasonMaxLength = 1000;

    private CandidateRejection()
    {
        Reason = string.Empty;
    }

    public CandidateRejection(Guid id, Guid reportId, Guid organisationId, int indicatorId, ObservationKind kind, int year,
        string? reason, Guid rejectedById, DateTimeOffset now) : this()
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Validation.ObservationKindUnknown");
        }
        reason = reason?.Trim() ?? string.Empty;
        if (reason.Length > ReasonMaxLength)
        {
            throw new DomainException("Validation.ObservationTooLong", nameof(Reason));
        }
        Id = id;
        ReportId = reportId;
        OrganisationId = organisationId;
        IndicatorId = indicatorId;
        Kind = kind;
        Year = year;
        Reason = reason;
        RejectedById = rejectedById;
        RejectedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ReportId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public int IndicatorId { get; private set; }
    public ObservationKind Kind { get; private set; }

    /// <summary>The latest year of data the candidate rested on.</summary>
    public int Year { get; private set; }
    public string Reason { get; private set; }
    public Guid RejectedById { get; private set; }
    public DateTimeOffset RejectedAt { get; private set; }

    /// <summary>True when this rejection still hides a candidate of the same indicator and kind on data of <paramref name="year"/>.</summary>
    public bool Covers(int indicatorId, ObservationKind kind, int year) => IndicatorId == indicatorId && Kind == kind && Year >= year;
}
