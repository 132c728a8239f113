using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Common;
using Valfard.Domain.Organisations;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Tenancy;

using Valfard.Web.Common;

namespace Valfard.Web.Features.Reports;

/// <summary>The organisation's reports: the list, creating one from the template, and the coordinator's progress board.</summary>
public sealed partial class ReportService(
    ValfardDbContext db,
    ICurrentOrganisation current,
    ReportTemplates templates,
    AuditTrail audit,
    TimeProvider clock,
    ILogger<ReportService> logger,
    Workflow.CompletenessService completeness)
{
    public async Task<IReadOnlyList<ReportListItem>> ListAsync(string language, CancellationToken cancellationToken)
    {
        var reports = await db.Reports.AsNoTracking().Include(r => r.Sections).ToListAsync(cancellationToken);
        var terms = await db.CouncilTerms.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Label, cancellationToken);
        var today = FinnishCalendar.Today(clock);
        return reports
            .OrderByDescending(r => terms.GetValueOrDefault(r.CouncilTermId)).ThenBy(r => r.Kind).ThenByDescending(r => r.Year)
            .Select(r => new ReportListItem(r.Id, r.TitleIn(language), r.Kind, terms.GetValueOrDefault(r.CouncilTermId, "?"), r.Year, r.Status,
                r.Sections.Count, r.Sections.Count(s => s.Status == SectionStatus.Done), r.Sections.Count(s => s.IsOverdue(today))))
            .ToList();
    }

    public async Task<CreateReportViewModel?> NewFormAsync(CancellationToken cancellationToken)
    {
        var organisation = await CurrentOrganisationAsync(cancellationToken);
        if (organisation is null)
        {
            return null;
        }
        var form = new CreateReportViewModel();
        await FillCreateOptionsAsync(form, organisation, cancellationToken);
        form.Kind = form.AllowedKinds[0];
        var today = FinnishCalendar.Today(clock);
        var term = form.Terms.FirstOrDefault(t => t.Years.Contains(today.Year)) ?? form.Terms[^1];
        form.CouncilTermId = term.Id;
        form.Year = today.Year - 1;
        return form;
    }

    public async Task FillCreateOptionsAsync(CreateReportViewModel form, Organisation organisation, CancellationToken cancellationToken)
    {
        form.AllowedKinds = organisation.Kind == OrganisationKind.WellbeingServicesCounty
            ? [ReportKind.Regional]
            : [ReportKind.Comprehensive, ReportKind.Annual];
        form.Bilingual = organisation.IsBilingual;
        var terms = await db.CouncilTerms.AsNoTracking().OrderBy(t => t.StartDate).ToListAsync(cancellationToken);
        form.Terms = terms.Select(t => new TermOption(t.Id, t.Label, t.Years.ToList())).ToList();
    }

    public Task<Organisation?> CurrentOrganisationAsync(CancellationToken cancellationToken) =>
        db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == current.OrganisationId, cancellationToken);

    public async Task<(OperationResult Result, Guid? ReportId)> CreateAsync(CreateReportViewModel form, Guid userId, CancellationToken cancellationToken)
    {
        var organisation = await CurrentOrganisationAsync(cancellationToken);
        var term = await db.CouncilTerms.FirstOrDefaultAsync(t => t.Id == form.CouncilTermId, cancellationToken);
        if (organisation is null || term is null)
        {
            return (OperationResult.Fail(nameof(form.CouncilTermId), "Validation.TermUnknown"), null);
        }
        var year = form.Kind == ReportKind.Annual ? form.Year : null;
        if (await db.Reports.AnyAsync(r => r.Kind == form.Kind && r.CouncilTermId == term.Id && r.Year == year, cancellationToken))
        {
            return (OperationResult.Fail(null, form.Kind == ReportKind.Annual ? "Reports.AnnualExists" : "Reports.TermReportExists"), null);
        }
        var titleFi = string.IsNullOrWhiteSpace(form.TitleFi) ? DefaultTitle(form.Kind, term, year, "fi") : form.TitleFi;
        var titleSv = organisation.Languages.HasFlag(OrganisationLanguages.Swedish)
            ? (string.IsNullOrWhiteSpace(form.TitleSv) ? DefaultTitle(form.Kind, term, year, "sv") : form.TitleSv)
            : string.Empty;
        var template = await templates.ForOrganisationAsync(organisation.Id, cancellationToken);
        WelfareReport report;
        try
        {
            report = WelfareReport.Create(Guid.NewGuid(), organisation, form.Kind, term, year, titleFi, titleSv, template, userId, clock.GetUtcNow());
        }
        catch (DomainException ex)
        {
            return (OperationResult.Refused(ex), null);
        }
        db.Reports.Add(report);
        var source = await StartingPointAsync(report.Kind, report.Year, term.Id, cancellationToken);
        var approved = await ApprovedStartingPointAsync(report.Kind, report.Year, term.Id, cancellationToken);
        if (approved is { } fromApproved)
        {
            CopyTexts(fromApproved.Report, fromApproved.Version, report, userId);
        }
        if (source is not null)
        {
            await CarryOverAssignmentsAsync(source, report, form.CarryOver, cancellationToken);
        }
        audit.Record(organisation.Id, report.Id, userId, "Report.Created", approved is { } a
            ? $"{report.TitleFi} ← {a.Report.TitleFi} v{a.Version.Number}"
            : report.TitleFi);
        await db.SaveChangesAsync(cancellationToken);
        LogCreated(logger, report.Id, report.Kind);
        return (OperationResult.Success, report.Id);
    }

    /// <summary>
    /// The confirmation page of an annual report made from the previous one: which assignments carry over (with new
    /// due dates a year on) and which approved version the texts come from. Null when there is no previous report.
    /// </summary>
    public async Task<bool> FillCarryOverAsync(CreateReportViewModel form, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var year = form.Kind == ReportKind.Annual ? form.Year : null;
        // A report that could not be made (a year outside the term, one that exists) goes straight to its error instead.
        var term = await db.CouncilTerms.AsNoTracking().FirstOrDefaultAsync(t => t.Id == form.CouncilTermId, cancellationToken);
        if (term is null || year is not { } y || !term.Years.Contains(y)
            || await db.Reports.AnyAsync(r => r.Kind == form.Kind && r.CouncilTermId == term.Id && r.Year == year, cancellationToken))
        {
            return false;
        }
        var source = await StartingPointAsync(form.Kind, year, form.CouncilTermId, cancellationToken);
        if (source is null)
        {
            return false;
        }
        var sectors = (await db.Sectors.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(s => s.Id, s => s.NameIn(language));
        var names = await db.Users.AsNoTracking().Where(u => u.IsActive).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var numbers = source.SectionNumbers();
        form.AssignmentSource = source.TitleIn(language);
        form.CarryOver = source.SectionsInReadingOrder().Where(s => s.SectorId is not null || s.Editors.Count > 0 || s.DueDate is not null)
            .Select(s => new CarryOverRow
            {
                SourceSectionId = s.Id,
                Number = numbers[s.Id],
                Title = s.TitleIn(language),
                SectorName = s.SectorId is { } sector ? sectors.GetValueOrDefault(sector) : null,
                Editors = s.Editors.Where(e => names.ContainsKey(e.UserId)).Select(e => names[e.UserId]).Order().ToList(),
                PreviousDueDate = s.DueDate,
                // The same point of the next year: the yearly cycle repeats.
                DueDate = s.DueDate?.AddYears(1),
            }).ToList();
        var approved = await ApprovedStartingPointAsync(form.Kind, year, form.CouncilTermId, cancellationToken);
        form.TextSource = approved?.Report.TitleIn(language);
        form.TextSourceVersion = approved?.Version.Number;
        return true;
    }

    /// <summary>
    /// An annual report starts from the previous annual report of the same term, or failing that from the term's
    /// comprehensive report: its assignments carry over.
    /// </summary>
    private async Task<WelfareReport?> StartingPointAsync(ReportKind kind, int? year, Guid termId, CancellationToken cancellationToken)
    {
        var candidates = await CandidatesAsync(kind, termId, cancellationToken);
        return candidates.Where(r => r.Kind == ReportKind.Annual && r.Year < year).OrderByDescending(r => r.Year).FirstOrDefault()
            ?? candidates.FirstOrDefault(r => r.Kind == ReportKind.Comprehensive);
    }

    /// <summary>
    /// The text is copied only from what the council approved: the latest approved version of the latest earlier
    /// report that has one (the previous annual report, an earlier one, or the term's comprehensive report), never
    /// from a draft that nobody agreed.
    /// </summary>
    private async Task<(WelfareReport Report, ReportVersion Version)?> ApprovedStartingPointAsync(ReportKind kind, int? year, Guid termId,
        CancellationToken cancellationToken)
    {
        var candidates = (await CandidatesAsync(kind, termId, cancellationToken))
            .Where(r => r.Kind == ReportKind.Comprehensive || r.Year < year)
            .OrderBy(r => r.Kind == ReportKind.Annual ? 0 : 1).ThenByDescending(r => r.Year).ToList();
        var ids = candidates.Select(r => r.Id).ToList();
        var versions = (await db.ReportVersions.AsNoTracking().Where(v => ids.Contains(v.ReportId)).ToListAsync(cancellationToken))
            .GroupBy(v => v.ReportId).ToDictionary(g => g.Key, g => g.MaxBy(v => v.Number)!);
        var report = candidates.FirstOrDefault(r => versions.ContainsKey(r.Id));
        return report is null ? null : (report, versions[report.Id]);
    }

    private async Task<List<WelfareReport>> CandidatesAsync(ReportKind kind, Guid termId, CancellationToken cancellationToken) =>
        kind != ReportKind.Annual
            ? []
            : await db.Reports.AsNoTracking().Include(r => r.Sections).ThenInclude(s => s.Editors).AsSplitQuery()
                .Where(r => r.CouncilTermId == termId && (r.Kind == ReportKind.Annual || r.Kind == ReportKind.Comprehensive))
                .ToListAsync(cancellationToken);

    /// <summary>Sections are matched by their place in the structure (parent title and title), since both come from the template.</summary>
    private static string Key(WelfareReport report, ReportSection section) =>
        $"{report.Sections.FirstOrDefault(p => p.Id == section.ParentId)?.TitleFi}/{section.TitleFi}";

    /// <summary>
    /// Seeds each section's text from the approved snapshot, language by language; a language the snapshot filled from
    /// the other one (a fallback) is not copied, so a Swedish pane never starts with Finnish text.
    /// </summary>
    private void CopyTexts(WelfareReport source, ReportVersion version, WelfareReport target, Guid userId)
    {
        var sourceKeys = source.Sections.ToDictionary(s => s.Id, s => Key(source, s));
        var approvedTexts = new Dictionary<(string Key, string Language), string>();
        foreach (var language in Documents.ReportDocumentBuilder.SnapshotLanguages(version.SnapshotJson))
        {
            var document = Documents.ReportDocumentBuilder.ReadSnapshot(version.SnapshotJson, language);
            foreach (var section in document.Sections.Where(s => s.HtmlLanguage is null && s.Html.Length > 0 && sourceKeys.ContainsKey(s.Id)))
            {
                approvedTexts.TryAdd((sourceKeys[section.Id], language), section.Html);
            }
        }
        var now = clock.GetUtcNow();
        foreach (var section in target.Sections)
        {
            foreach (var text in section.Texts)
            {
                if (!approvedTexts.TryGetValue((Key(target, section), text.Language), out var earlier))
                {
                    continue;
                }
                text.StartFromApproved(earlier, source.Id, version.Number);
                db.SectionRevisions.Add(new SectionRevision(Guid.NewGuid(), section.Id, section.OrganisationId, text.Language, 1, text.Html, userId, now));
            }
        }
    }

    /// <summary>
    /// The welfare group keeps its work: each section goes to the same sector and editors as in the previous report
    /// (editors still active), with the due date the coordinator confirmed; rows the coordinator unticked stay unassigned.
    /// </summary>
    private async Task CarryOverAssignmentsAsync(WelfareReport source, WelfareReport target, IReadOnlyList<CarryOverRow> rows, CancellationToken cancellationToken)
    {
        var active = (await db.Users.AsNoTracking().Where(u => u.IsActive).Select(u => u.Id).ToListAsync(cancellationToken)).ToHashSet();
        var chosen = rows.Where(r => r.Keep).GroupBy(r => r.SourceSectionId).ToDictionary(g => g.Key, g => g.First());
        var sourceByKey = source.Sections.GroupBy(s => Key(source, s)).ToDictionary(g => g.Key, g => g.First());
        foreach (var section in target.Sections)
        {
            if (!sourceByKey.TryGetValue(Key(target, section), out var from) || !chosen.TryGetValue(from.Id, out var row))
            {
                continue;
            }
            section.Assign(from.SectorId, from.Editors.Select(e => e.UserId).Where(active.Contains), row.DueDate);
        }
    }

    /// <summary>"Laaja hyvinvointikertomus 2025–2029", "Årlig välfärdsrapport 2025": THL's names for the kinds, as municipalities title them.</summary>
    public static string DefaultTitle(ReportKind kind, CouncilTerm term, int? year, string language) => (kind, language) switch
    {
        (ReportKind.Annual, "sv") => $"Årlig välfärdsrapport {year}",
        (ReportKind.Annual, _) => $"Hyvinvointikertomuksen vuosiraportti {year}",
        (ReportKind.Regional, "sv") => $"Regional välfärdsberättelse {term.Label}",
        (ReportKind.Regional, _) => $"Alueellinen hyvinvointikertomus {term.Label}",
        (_, "sv") => $"Omfattande välfärdsberättelse {term.Label}",
        _ => $"Laaja hyvinvointikertomus {term.Label}",
    };

    public async Task<ReportBoardViewModel?> BoardAsync(Guid reportId, Actor actor, string language, CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking()
            .Include(r => r.Sections).ThenInclude(s => s.Editors)
            .AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return null;
        }
        // The board needs to know whether each text exists and when it changed, not the texts themselves.
        var sectionIds = report.Sections.Select(s => s.Id).ToList();
        var texts = (await db.SectionTexts.AsNoTracking().Where(t => sectionIds.Contains(t.SectionId))
                .Select(t => new TextState(t.SectionId, t.Language, t.Html != string.Empty, t.UpdatedAt, t.SourceChangedAt)).ToListAsync(cancellationToken))
            .ToLookup(t => t.SectionId);
        var term = await db.CouncilTerms.AsNoTracking().FirstAsync(t => t.Id == report.CouncilTermId, cancellationToken);
        var sectors = (await db.Sectors.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(s => s.Id, s => s.NameIn(language));
        var userNames = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var today = FinnishCalendar.Today(clock);
        var numbers = report.SectionNumbers();

        var rows = report.SectionsInReadingOrder().Select(s => new BoardSection(
            s.Id, numbers[s.Id], s.TitleIn(language), s.ParentId is not null,
            s.SectorId is { } sector ? sectors.GetValueOrDefault(sector) : null,
            s.Editors.Select(e => userNames.GetValueOrDefault(e.UserId, "?")).Order().ToList(),
            s.DueDate, s.Status, s.IsOverdue(today), actor.CanWrite(s),
            LanguageStates(texts[s.Id].ToList()))).ToList();

        // The coordinator sees, where they work, what stands in the way of the report's next step forward: the same
        // checklist the step's own page shows and the server applies, gathered in one go.
        var nextStep = actor.IsCoordinator
            ? ReportWorkflow.AllowedFrom(report.Status).Cast<WorkflowAction?>().FirstOrDefault(a => ReportCompleteness.StageOf(a!.Value) is not null)
            : null;
        var checklist = nextStep is { } step
            ? await completeness.CheckAsync(report, ReportCompleteness.StageOf(step)!.Value, language, cancellationToken)
            : null;

        var bySector = rows.GroupBy(r => r.SectorName ?? string.Empty)
            .Select(g => Progress(g.Key, g.ToList()))
            .OrderBy(p => p.Name.Length == 0).ThenBy(p => p.Name, StringComparer.CurrentCulture)
            .ToList();

        return new ReportBoardViewModel
        {
            Id = report.Id,
            Title = report.TitleIn(language),
            Kind = report.Kind,
            Status = report.Status,
            TermLabel = term.Label,
            Year = report.Year,
            Sections = rows,
            Sectors = bySector,
            Total = Progress(string.Empty, rows),
            IsCoordinator = actor.IsCoordinator,
            NextStep = nextStep,
            NextChecklist = checklist,
            Languages = texts.SelectMany(t => t).Select(t => t.Language).Distinct().Order().ToList(),
            Bilingual = await db.Organisations.AsNoTracking().AnyAsync(o => o.Id == report.OrganisationId && o.Languages == OrganisationLanguages.Bilingual, cancellationToken),
        };
    }

    public async Task<(string Title, IReadOnlyList<AuditItem> Entries)?> AuditAsync(Guid reportId, string language, CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return null;
        }
        var entries = (await db.AuditEntries.AsNoTracking().Where(a => a.ReportId == reportId).ToListAsync(cancellationToken))
            .OrderByDescending(a => a.At).Take(1000).ToList();
        var names = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return (report.TitleIn(language), entries.Select(a => new AuditItem(a.At, a.UserId is { } id ? names.GetValueOrDefault(id, "?") : "–",
            a.Action, a.Details)).ToList());
    }

    private sealed record TextState(Guid SectionId, string Language, bool HasText, DateTimeOffset? UpdatedAt, DateTimeOffset? SourceChangedAt);

    private static List<LanguageState> LanguageStates(List<TextState> texts) =>
        texts.OrderBy(t => t.Language).Select(t => new LanguageState(t.Language, t.HasText,
            texts.Any(other => other != t && SectionText.IsBehind(t.UpdatedAt, other.SourceChangedAt)), t.UpdatedAt)).ToList();

    private static SectorProgress Progress(string name, List<BoardSection> rows) => new(name, rows.Count,
        rows.Count(r => r.Status == SectionStatus.NotStarted), rows.Count(r => r.Status == SectionStatus.InProgress),
        rows.Count(r => r.Status == SectionStatus.ReadyForReview), rows.Count(r => r.Status == SectionStatus.Done),
        rows.Count(r => r.IsOverdue));

    [LoggerMessage(Level = LogLevel.Information, Message = "Report {ReportId} ({Kind}) created")]
    private static partial void LogCreated(ILogger logger, Guid reportId, ReportKind kind);
}
