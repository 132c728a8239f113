using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Text;

using Valfard.Web.Common;
using Valfard.Web.Features.Documents;
using Valfard.Web.Features.Sections;

namespace Valfard.Web.Features.Workflow;

/// <summary>How a section differs from the same section in the previous approved version.</summary>
public enum SectionChangeKind
{
    Unchanged = 1,
    Changed = 2,
    New = 3,
}

public sealed record SectionChange(SectionChangeKind Kind, IReadOnlyList<DiffPiece> Diff);

public sealed record ArchivedFile(string Language, long Size, string Sha256);

/// <summary>A PDF kept as the board or the council was given it (<see cref="SubmittedDocument"/>).</summary>
public sealed record SubmittedFile(Guid Id, int VersionNumber, ConsiderationStage Stage, string Language, DateTimeOffset SentAt, long Size, string Sha256);

public sealed record ApprovedVersionItem(int Number, CouncilDecision Decision, DateTimeOffset ApprovedAt, DateTimeOffset? PublishedAt,
    IReadOnlyList<ArchivedFile> Files, BoardDecision? BoardDecision = null);

public sealed class ReadingViewModel
{
    public required Guid ReportId { get; init; }
    public required Guid ReportVersion { get; init; }
    public required ReportStatus Status { get; init; }
    public required int WorkingVersion { get; init; }
    public string? ReturnReason { get; init; }
    public required ReportDocument Document { get; init; }
    public required IReadOnlyList<string> Languages { get; init; }

    /// <summary>The approved version being shown; null when the live text is shown.</summary>
    public DocumentDecision? Decision { get; init; }
    public required IReadOnlyList<ApprovedVersionItem> Versions { get; init; }

    /// <summary>The board's decision on the version being worked on, before the council approves it.</summary>
    public BoardDecision? BoardDecision { get; init; }

    /// <summary>Every PDF the board and the council were given, newest first.</summary>
    public required IReadOnlyList<SubmittedFile> Submitted { get; init; }

    /// <summary>What the changes are measured against, e.g. "Annual report 2024, version 1"; null when nothing was approved before.</summary>
    public string? ComparedWith { get; init; }
    public required IReadOnlyDictionary<Guid, SectionChange> Changes { get; init; }
    public required IReadOnlyDictionary<Guid, CommentsViewModel> Comments { get; init; }
    public required IReadOnlyList<WorkflowAction> Actions { get; init; }
}

/// <summary>
/// The reading view made for the council: the document as it will be (or was) approved, what changed since the
/// previous approved version, and the comment threads beside each section.
/// </summary>
public sealed class ReadingService(ValfardDbContext db, ReportDocumentBuilder builder, CommentService comments)
{
    public async Task<ReadingViewModel?> ReadAsync(Guid reportId, string language, int? versionNumber, Actor actor, bool isCouncilMember,
        Func<string, bool> isInRole, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return null;
        }
        var organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == report.OrganisationId, cancellationToken);
        var languages = WelfareReport.LanguagesOf(organisation);
        if (!languages.Contains(language))
        {
            language = languages[0];
        }
        var versions = (await db.ReportVersions.AsNoTracking().Where(v => v.ReportId == reportId).ToListAsync(cancellationToken))
            .OrderBy(v => v.Number).ToList();
        var versionIds = versions.Select(v => v.Id).ToList();
        var files = (await db.ArchivedDocuments.AsNoTracking().Where(d => versionIds.Contains(d.ReportVersionId))
                .Select(d => new { d.ReportVersionId, d.Language, d.Size, d.Sha256 }).ToListAsync(cancellationToken))
            .ToLookup(d => d.ReportVersionId, d => new ArchivedFile(d.Language, d.Size, d.Sha256));

        // An approved report shows what was approved; a draft of a later version shows the live text unless a version is asked for.
        var shown = versionNumber is { } n ? versions.FirstOrDefault(v => v.Number == n)
            : report.Status is ReportStatus.Approved or ReportStatus.Published ? versions.LastOrDefault() : null;
        if (versionNumber is not null && shown is null)
        {
            return null;
        }
        var document = shown is not null
            ? ReportDocumentBuilder.ReadSnapshot(shown.SnapshotJson, language)
            : await builder.BuildLiveAsync(reportId, language, cancellationToken);
        if (document is null)
        {
            return null;
        }

        var submitted = (await db.SubmittedDocuments.AsNoTracking().Where(d => d.ReportId == reportId)
                .Select(d => new SubmittedFile(d.Id, d.VersionNumber, d.Stage, d.Language, d.SentAt, d.Size, d.Sha256))
                .ToListAsync(cancellationToken))
            .OrderByDescending(d => d.SentAt).ThenBy(d => d.Language).ToList();

        var (previous, previousLabel) = await PreviousApprovedAsync(report, shown, language, cancellationToken);
        var canComment = shown is null && CommentService.CanComment(report.Status, actor, isCouncilMember);
        var threads = await comments.ForSectionsAsync(reportId, document.Sections.Select(e => e.Id).ToList(), canComment,
            CommentService.ResolvesOnlyThreadsOf(actor, isCouncilMember), cancellationToken);
        return new ReadingViewModel
        {
            ReportId = report.Id,
            ReportVersion = report.Version,
            Status = report.Status,
            WorkingVersion = report.VersionNumber,
            ReturnReason = report.ReturnReason,
            Document = document,
            Languages = languages,
            Decision = shown is null ? null : DocumentDecision.Of(shown),
            Versions = versions.Select(v => new ApprovedVersionItem(v.Number, v.Decision, v.ApprovedAt, v.PublishedAt, files[v.Id].OrderBy(f => f.Language).ToList(), v.BoardDecision)).ToList(),
            BoardDecision = report.BoardDecision,
            Submitted = submitted,
            ComparedWith = previousLabel,
            Changes = previous is null ? new Dictionary<Guid, SectionChange>() : Compare(previous, document),
            Comments = threads,
            // The way forward first, the way back to the writers last.
            Actions = ReportWorkflow.AllowedFrom(report.Status).Where(a => ReportWorkflowService.MayPerform(a, isInRole))
                .OrderBy(a => a == WorkflowAction.ReturnToDraft).ToList(),
        };
    }

    /// <summary>
    /// The version to compare with: the report's own earlier approved version, or else the organisation's most
    /// recently approved other report (last year's annual report, or the term report).
    /// </summary>
    private async Task<(ReportDocument? Document, string? Label)> PreviousApprovedAsync(WelfareReport report, ReportVersion? shown, string language,
        CancellationToken cancellationToken)
    {
        var before = shown?.ApprovedAt;
        var ownLimit = shown?.Number ?? report.VersionNumber;
        var reportId = report.Id;
        var candidates = (await db.ReportVersions.AsNoTracking()
                .Where(v => v.ReportId != reportId || v.Number < ownLimit)
                .Select(v => new { v.Id, v.ReportId, v.Number, v.ApprovedAt }).ToListAsync(cancellationToken))
            .Where(v => before is null || v.ApprovedAt < before)
            .OrderByDescending(v => v.ReportId == report.Id).ThenByDescending(v => v.ApprovedAt).ToList();
        var chosen = candidates.FirstOrDefault();
        if (chosen is null)
        {
            return (null, null);
        }
        var version = await db.ReportVersions.AsNoTracking().FirstAsync(v => v.Id == chosen.Id, cancellationToken);
        var document = ReportDocumentBuilder.ReadSnapshot(version.SnapshotJson, language);
        return (document, $"{document.Title} ({document.TermLabel}{(document.Year is { } y ? $", {y}" : "")}), v{version.Number}");
    }

    /// <summary>Sections are matched by their title (the template keeps titles from one report to the next), then by number.</summary>
    public static IReadOnlyDictionary<Guid, SectionChange> Compare(ReportDocument previous, ReportDocument current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        var byTitle = previous.Sections.GroupBy(s => Key(s.Title)).ToDictionary(g => g.Key, g => g.First());
        var byNumber = previous.Sections.ToDictionary(s => s.Number);
        var changes = new Dictionary<Guid, SectionChange>();
        foreach (var entry in current.Sections)
        {
            var old = byTitle.GetValueOrDefault(Key(entry.Title)) ?? byNumber.GetValueOrDefault(entry.Number);
            if (old is null)
            {
                changes[entry.Id] = new SectionChange(SectionChangeKind.New, []);
                continue;
            }
            var before = PlainText.From(old.Html);
            var after = PlainText.From(entry.Html);
            changes[entry.Id] = before == after
                ? new SectionChange(SectionChangeKind.Unchanged, [])
                : new SectionChange(SectionChangeKind.Changed, WordDiff.Compare(before, after));
        }
        return changes;
    }

    private static string Key(string title) => title.Trim().ToLowerInvariant();
}
