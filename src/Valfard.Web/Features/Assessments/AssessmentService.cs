using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Valfard.Domain.Assessments;
using Valfard.Domain.Common;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Tenancy;
using Valfard.Web.Common;

namespace Valfard.Web.Features.Assessments;

/// <summary>
/// Impact assessments in advance: the register, starting one, the guided assessment of each alternative in each area,
/// the conclusion, and the moves from in preparation to completed to decided. Every change goes through a domain
/// method, renews the assessment's version and is audited.
/// </summary>
public sealed class AssessmentService(
    ValfardDbContext db,
    ICurrentOrganisation current,
    AssessmentAreaService areas,
    AssessmentEvidence evidence,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer)
{
    public async Task<RegisterViewModel> RegisterAsync(bool canEditAreas, CancellationToken cancellationToken)
    {
        // Ordered here, not in SQL: SQLite cannot order by a DateTimeOffset. Pending decisions first, latest first.
        var assessments = await db.ImpactAssessments.AsNoTracking().Include(a => a.Alternatives).ToListAsync(cancellationToken);
        var rows = assessments
            .OrderBy(a => a.Status == AssessmentStatus.Decided ? 1 : 0)
            .ThenByDescending(a => a.DecisionDate ?? a.PlannedDecisionDate)
            .ThenByDescending(a => a.CreatedAt)
            .Select(a => new AssessmentRow(a.Id, a.DecisionTitle, a.Language, a.PreparingBody, a.PlannedDecisionDate, a.Status, a.IsChildImpact,
                a.Alternatives.FirstOrDefault(x => x.Id == a.ChosenAlternativeId)?.Title, a.DecisionDate, a.DecisionParagraph, a.IsPublished))
            .ToList();
        return new RegisterViewModel { Rows = rows, CanEditAreas = canEditAreas };
    }

    public async Task<DetailsFormViewModel?> DetailsFormAsync(Guid? id, Guid userId, string language, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == current.OrganisationId, cancellationToken);
        if (organisation is null)
        {
            return null;
        }
        var form = new DetailsFormViewModel
        {
            PreparerId = userId,
            Language = language == "sv" ? "sv" : "fi",
            Bilingual = organisation.IsBilingual,
            Preparers = await PreparersAsync(cancellationToken),
        };
        if (id is { } assessmentId)
        {
            var assessment = await db.ImpactAssessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assessmentId, cancellationToken);
            if (assessment is null)
            {
                return null;
            }
            form.Id = assessment.Id;
            form.Version = assessment.Version;
            form.DecisionTitle = assessment.DecisionTitle;
            form.PreparingBody = assessment.PreparingBody;
            form.PlannedDecisionDate = assessment.PlannedDecisionDate;
            form.AgendaLink = assessment.AgendaLink;
            form.PreparerId = assessment.PreparerId;
            form.IsChildImpact = assessment.IsChildImpact;
            form.Language = assessment.Language;
        }
        return form;
    }

    /// <summary>The people of the organisation who can prepare: active users, by name.</summary>
    private async Task<IReadOnlyList<(Guid, string)>> PreparersAsync(CancellationToken cancellationToken) =>
        (await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName })
            .ToListAsync(cancellationToken)).Select(u => (u.Id, u.DisplayName)).ToList();

    public async Task<(OperationResult Result, Guid? Id)> StartAsync(DetailsFormViewModel form, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (current.OrganisationId is not { } organisationId)
        {
            return (OperationResult.Missing(), null);
        }
        if (!await db.Users.AnyAsync(u => u.Id == form.PreparerId && u.IsActive, cancellationToken))
        {
            return (OperationResult.Fail(nameof(form.PreparerId), "Assessment.Validation.PreparerUnknown"), null);
        }
        var organisationAreas = await areas.AreasAsync(cancellationToken);
        var language = form.Language == "sv" ? "sv" : "fi";
        ImpactAssessment? assessment = null;
        var result = await db.ChangeAsync(() =>
        {
            assessment = ImpactAssessment.Start(Guid.NewGuid(), organisationId, form.DecisionTitle ?? string.Empty, form.PreparingBody ?? string.Empty,
                form.PlannedDecisionDate, form.AgendaLink ?? string.Empty, form.PreparerId, form.IsChildImpact, language,
                InLanguage("Assessment.DoNothing", language),
                string.IsNullOrWhiteSpace(form.OptionTitle) ? InLanguage("Assessment.DefaultOption", language) : form.OptionTitle,
                organisationAreas, userId, clock.GetUtcNow());
            db.ImpactAssessments.Add(assessment);
            audit.RecordAbout(organisationId, assessment.Id, userId, "Assessment.Started", assessment.DecisionTitle);
        }, cancellationToken);
        return (result, result.Succeeded ? assessment!.Id : null);
    }

    public async Task<OperationResult> SaveDetailsAsync(DetailsFormViewModel form, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var assessment = await db.ImpactAssessments.FirstOrDefaultAsync(a => a.Id == form.Id, cancellationToken);
        if (assessment is null)
        {
            return OperationResult.Missing();
        }
        if (!await db.Users.AnyAsync(u => u.Id == form.PreparerId, cancellationToken))
        {
            return OperationResult.Fail(nameof(form.PreparerId), "Assessment.Validation.PreparerUnknown");
        }
        db.ExpectVersion(assessment, form.Version);
        return await db.ChangeAsync(() =>
        {
            assessment.Describe(form.DecisionTitle ?? string.Empty, form.PreparingBody ?? string.Empty, form.PlannedDecisionDate,
                form.AgendaLink ?? string.Empty, form.PreparerId);
            db.ChangedThroughItsRows(assessment);
            audit.RecordAbout(assessment.OrganisationId, assessment.Id, userId, "Assessment.DetailsChanged", assessment.DecisionTitle);
        }, cancellationToken);
    }

    public async Task<AlternativeFormViewModel?> AlternativeFormAsync(Guid id, Guid? alternativeId, CancellationToken cancellationToken)
    {
        var assessment = await LoadAsync(id, tracked: false, cancellationToken);
        if (assessment is null)
        {
            return null;
        }
        var form = new AlternativeFormViewModel { AssessmentId = id, Version = assessment.Version, DecisionTitle = assessment.DecisionTitle };
        if (alternativeId is { } altId)
        {
            var alternative = assessment.Alternatives.FirstOrDefault(a => a.Id == altId);
            if (alternative is null)
            {
                return null;
            }
            form.AlternativeId = altId;
            form.Title = alternative.Title;
            form.Description = alternative.Description;
            form.IsDoNothing = alternative.IsDoNothing;
        }
        return form;
    }

    public Task<OperationResult> SaveAlternativeAsync(AlternativeFormViewModel form, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        return ChangeAsync(form.AssessmentId, form.Version, userId, form.AlternativeId is null ? "Assessment.AlternativeAdded" : "Assessment.AlternativeChanged",
            assessment =>
            {
                var alternativeId = form.AlternativeId ?? assessment.AddAlternative(form.Title ?? string.Empty).Id;
                assessment.RenameAlternative(alternativeId, form.Title ?? string.Empty, form.Description ?? string.Empty);
                return form.Title ?? string.Empty;
            }, cancellationToken);
    }

    public Task<OperationResult> RemoveAlternativeAsync(Guid id, Guid alternativeId, Guid version, Guid userId, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, userId, "Assessment.AlternativeRemoved", assessment =>
        {
            var title = assessment.Alternatives.FirstOrDefault(a => a.Id == alternativeId)?.Title ?? string.Empty;
            assessment.RemoveAlternative(alternativeId);
            return title;
        }, cancellationToken);

    public async Task<ImpactFormViewModel?> ImpactFormAsync(Guid id, Guid impactId, string language, CancellationToken cancellationToken)
    {
        var assessment = await LoadAsync(id, tracked: false, cancellationToken);
        var impact = assessment?.Impacts.FirstOrDefault(i => i.Id == impactId);
        if (assessment is null || impact is null)
        {
            return null;
        }
        var form = new ImpactFormViewModel
        {
            AssessmentId = id,
            ImpactId = impactId,
            Version = assessment.Version,
            Direction = impact.Direction,
            Size = impact.Size,
            Certainty = impact.Certainty,
            Groups = AssessmentLimits.Groups.Where(g => impact.Groups.HasFlag(g)).ToList(),
            Districts = impact.Districts,
            Evidence = impact.Evidence,
            Mitigations = impact.Mitigations,
            IndicatorIds = impact.Indicators.Select(i => i.IndicatorId).ToList(),
            GoalIds = impact.Goals.Select(g => g.GoalId).ToList(),
        };
        return await FillImpactFormAsync(form, language, cancellationToken);
    }

    /// <summary>The texts and choices around the impact form, also when it is shown again with errors.</summary>
    public async Task<ImpactFormViewModel?> FillImpactFormAsync(ImpactFormViewModel form, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var assessment = await LoadAsync(form.AssessmentId, tracked: false, cancellationToken);
        var impact = assessment?.Impacts.FirstOrDefault(i => i.Id == form.ImpactId);
        if (assessment is null || impact is null)
        {
            return null;
        }
        var area = await db.AssessmentAreas.AsNoTracking().FirstAsync(a => a.Id == impact.AreaId, cancellationToken);
        form.DecisionTitle = assessment.DecisionTitle;
        form.ContentLanguage = assessment.Language;
        form.AlternativeTitle = assessment.Alternatives.First(a => a.Id == impact.AlternativeId).Title;
        form.AreaTitle = area.TitleIn(language);
        form.Questions = area.QuestionListIn(language);
        form.IndicatorChoices = await evidence.IndicatorChoicesAsync(impact.Indicators.Select(i => i.IndicatorId), language, cancellationToken);
        form.GoalChoices = await evidence.GoalChoicesAsync(language, cancellationToken);
        var linked = await evidence.IndicatorsAsync(impact.Indicators.Select(i => i.IndicatorId), language, cancellationToken);
        form.LinkedIndicators = impact.Indicators.Where(i => linked.ContainsKey(i.IndicatorId)).Select(i => linked[i.IndicatorId].Evidence).ToList();
        return form;
    }

    public async Task<OperationResult> SaveImpactAsync(ImpactFormViewModel form, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        // Only the organisation's own indicators and goals can be linked: the tenant filter answers for the goals, the
        // indicator sets (and what is linked already) for the indicators. Both hold only catalogue indicators (foreign
        // keys), so no title lookup is needed to check them.
        var inSets = await db.IndicatorSets.AsNoTracking().SelectMany(s => s.Members.Select(m => m.IndicatorId)).ToListAsync(cancellationToken);
        var linkedBefore = await db.Set<ImpactIndicator>().AsNoTracking().Where(i => i.ImpactId == form.ImpactId).Select(i => i.IndicatorId).ToListAsync(cancellationToken);
        var indicatorIds = form.IndicatorIds.Where(i => inSets.Contains(i) || linkedBefore.Contains(i)).ToList();
        var goalIds = await db.Goals.Where(g => form.GoalIds.Contains(g.Id)).Select(g => g.Id).ToListAsync(cancellationToken);
        var groups = form.Groups.Aggregate(PopulationGroups.None, (all, g) => all | g);
        var areaTitles = await db.AssessmentAreas.AsNoTracking().ToDictionaryAsync(a => a.Id, cancellationToken);
        return await ChangeAsync(form.AssessmentId, form.Version, userId, "Assessment.ImpactAssessed", assessment =>
        {
            assessment.Assess(form.ImpactId, form.Direction, form.Size, form.Certainty, groups, form.Districts ?? string.Empty, form.Evidence ?? string.Empty,
                form.Mitigations ?? string.Empty, indicatorIds, goalIds);
            var impact = assessment.Impacts.First(i => i.Id == form.ImpactId);
            // The preparer's own words (alternative and area in the assessment's language); the history translates the action.
            var area = areaTitles.TryGetValue(impact.AreaId, out var found) ? found.TitleIn(assessment.Language) : string.Empty;
            return $"{assessment.Alternatives.First(a => a.Id == impact.AlternativeId).Title} – {area}";
        }, cancellationToken);
    }

    public async Task<ConclusionFormViewModel?> ConclusionFormAsync(Guid id, string language, CancellationToken cancellationToken)
    {
        var assessment = await LoadAsync(id, tracked: false, cancellationToken);
        if (assessment is null)
        {
            return null;
        }
        var form = new ConclusionFormViewModel
        {
            AssessmentId = id,
            Version = assessment.Version,
            Conclusion = assessment.Conclusion,
            ChildrenHeard = assessment.ChildrenHeard,
            ChildrenHeardHow = assessment.ChildrenHeardHow,
            FollowUpIndicatorIds = assessment.FollowUps.OrderBy(f => f.Position).Select(f => f.IndicatorId).ToList(),
        };
        return await FillConclusionFormAsync(form, language, cancellationToken);
    }

    public async Task<ConclusionFormViewModel?> FillConclusionFormAsync(ConclusionFormViewModel form, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var assessment = await LoadAsync(form.AssessmentId, tracked: false, cancellationToken);
        if (assessment is null)
        {
            return null;
        }
        form.DecisionTitle = assessment.DecisionTitle;
        form.IsChildImpact = assessment.IsChildImpact;
        form.ContentLanguage = assessment.Language;
        // The indicators already linked as evidence come first: they are the natural ones to follow.
        var linked = assessment.Impacts.SelectMany(i => i.Indicators.Select(x => x.IndicatorId)).Concat(assessment.FollowUps.Select(f => f.IndicatorId));
        form.IndicatorChoices = await evidence.IndicatorChoicesAsync(linked, language, cancellationToken);
        return form;
    }

    public async Task<OperationResult> SaveConclusionAsync(ConclusionFormViewModel form, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var known = await db.Indicators.Where(i => form.FollowUpIndicatorIds.Contains(i.Id)).Select(i => i.Id).ToListAsync(cancellationToken);
        return await ChangeAsync(form.AssessmentId, form.Version, userId, "Assessment.Concluded", assessment =>
        {
            assessment.Conclude(form.Conclusion ?? string.Empty, form.ChildrenHeard, form.ChildrenHeardHow ?? string.Empty,
                form.FollowUpIndicatorIds.Where(known.Contains));
            return assessment.DecisionTitle;
        }, cancellationToken);
    }

    public async Task<ConfirmViewModel?> ConfirmAsync(Guid id, string kind, Guid? alternativeId, CancellationToken cancellationToken)
    {
        var assessment = await LoadAsync(id, tracked: false, cancellationToken);
        if (assessment is null)
        {
            return null;
        }
        var alternative = alternativeId is { } altId ? assessment.Alternatives.FirstOrDefault(a => a.Id == altId) : null;
        if (alternativeId is not null && alternative is null)
        {
            return null;
        }
        return new ConfirmViewModel(id, assessment.Version, assessment.DecisionTitle, kind, alternative?.Title, alternative?.Id,
            kind == "Complete" ? assessment.MissingForCompletion() : null);
    }

    public Task<OperationResult> CompleteAsync(Guid id, Guid version, Guid userId, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, userId, "Assessment.Completed", assessment =>
        {
            assessment.Complete(clock.GetUtcNow());
            return assessment.DecisionTitle;
        }, cancellationToken);

    public Task<OperationResult> ReopenAsync(Guid id, Guid version, Guid userId, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, userId, "Assessment.Reopened", assessment =>
        {
            assessment.Reopen();
            return assessment.DecisionTitle;
        }, cancellationToken);

    public Task<OperationResult> PublishAsync(Guid id, Guid version, bool publish, Guid userId, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, userId, publish ? "Assessment.Published" : "Assessment.Unpublished", assessment =>
        {
            if (publish)
            {
                assessment.Publish();
            }
            else
            {
                assessment.Unpublish();
            }
            return assessment.DecisionTitle;
        }, cancellationToken);

    public async Task<DecideFormViewModel?> DecideFormAsync(Guid id, CancellationToken cancellationToken)
    {
        var assessment = await LoadAsync(id, tracked: false, cancellationToken);
        return assessment is null ? null : FillDecideForm(new DecideFormViewModel
        {
            AssessmentId = id,
            Version = assessment.Version,
            DecisionDate = assessment.PlannedDecisionDate,
        }, assessment);
    }

    public async Task<DecideFormViewModel?> FillDecideFormAsync(DecideFormViewModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var assessment = await LoadAsync(form.AssessmentId, tracked: false, cancellationToken);
        return assessment is null ? null : FillDecideForm(form, assessment);
    }

    private static DecideFormViewModel FillDecideForm(DecideFormViewModel form, ImpactAssessment assessment)
    {
        form.DecisionTitle = assessment.DecisionTitle;
        form.Alternatives = assessment.OrderedAlternatives.Select(a => (a.Id, a.Title)).ToList();
        return form;
    }

    /// <summary>
    /// Records the decision and archives the PDFs printed just before it (what the decision-makers read), in the same
    /// save: a decision is never recorded without its archived document.
    /// </summary>
    public Task<OperationResult> DecideAsync(DecideFormViewModel form, IReadOnlyList<(string Language, byte[] Pdf)> printed, Guid userId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(printed);
        var now = clock.GetUtcNow();
        return ChangeAsync(form.AssessmentId, form.Version, userId, "Assessment.Decided", assessment =>
        {
            assessment.Decide(form.ChosenAlternativeId ?? Guid.Empty, form.DecisionDate ?? default, form.DecisionParagraph ?? string.Empty);
            foreach (var (language, pdf) in printed)
            {
                db.ArchivedAssessmentDocuments.Add(new ArchivedAssessmentDocument(assessment, language, pdf, now));
            }
            return $"{assessment.DecisionTitle} {assessment.DecisionParagraph}";
        }, cancellationToken);
    }

    /// <summary>The archived PDFs of a decided assessment, without their bytes.</summary>
    public async Task<IReadOnlyList<ArchivedAssessmentView>> ArchivedAsync(Guid id, CancellationToken cancellationToken) =>
        (await db.ArchivedAssessmentDocuments.AsNoTracking().Where(d => d.AssessmentId == id)
            .Select(d => new ArchivedAssessmentView(d.Language, d.Size, d.Sha256, d.CreatedAt)).ToListAsync(cancellationToken))
        .OrderBy(d => d.Language).ToList();

    public Task<ArchivedAssessmentDocument?> ArchivedDocumentAsync(Guid id, string language, CancellationToken cancellationToken) =>
        db.ArchivedAssessmentDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.AssessmentId == id && d.Language == language, cancellationToken);

    /// <summary>The assessment's history: every audited change to it, newest first, with who made it.</summary>
    public async Task<IReadOnlyList<AssessmentHistoryItem>> HistoryAsync(Guid id, CancellationToken cancellationToken)
    {
        var entries = (await db.AuditEntries.AsNoTracking().Where(e => e.SubjectId == id).ToListAsync(cancellationToken))
            .OrderByDescending(e => e.At).Take(500).ToList();
        var userIds = entries.Where(e => e.UserId is not null).Select(e => e.UserId!.Value).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return entries.Select(e => new AssessmentHistoryItem(e.At, e.UserId is { } user ? names.GetValueOrDefault(user, "?") : "–", e.Action, e.Details))
            .ToList();
    }

    /// <summary>Removes an assessment still in preparation, with all its rows.</summary>
    public async Task<OperationResult> RemoveAsync(Guid id, Guid version, Guid userId, CancellationToken cancellationToken)
    {
        var assessment = await LoadAsync(id, tracked: true, cancellationToken);
        if (assessment is null)
        {
            return OperationResult.Missing();
        }
        db.ExpectVersion(assessment, version);
        return await db.ChangeAsync(() =>
        {
            assessment.EnsureRemovable();
            // The impacts are removed before the assessment: their second path to it does not cascade (SQL Server).
            db.AssessmentImpacts.RemoveRange(assessment.Impacts);
            db.ImpactAssessments.Remove(assessment);
            audit.RecordAbout(assessment.OrganisationId, assessment.Id, userId, "Assessment.Removed", assessment.DecisionTitle);
        }, cancellationToken);
    }

    /// <summary>Loads the whole aggregate; the tenant filter makes another organisation's assessment missing.</summary>
    public Task<ImpactAssessment?> LoadAsync(Guid id, bool tracked, CancellationToken cancellationToken)
    {
        IQueryable<ImpactAssessment> query = db.ImpactAssessments
            .Include(a => a.Alternatives)
            .Include(a => a.Impacts).ThenInclude(i => i.Indicators)
            .Include(a => a.Impacts).ThenInclude(i => i.Goals)
            .Include(a => a.FollowUps)
            .AsSplitQuery();
        if (!tracked)
        {
            query = query.AsNoTracking();
        }
        return query.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
    }

    /// <summary>One change through the aggregate: version checked and renewed, audited, a domain refusal as a form error.</summary>
    private async Task<OperationResult> ChangeAsync(Guid id, Guid version, Guid userId, string action, Func<ImpactAssessment, string> change,
        CancellationToken cancellationToken)
    {
        var assessment = await LoadAsync(id, tracked: true, cancellationToken);
        if (assessment is null)
        {
            return OperationResult.Missing();
        }
        db.ExpectVersion(assessment, version);
        return await db.ChangeAsync(() =>
        {
            var details = change(assessment);
            db.ChangedThroughItsRows(assessment);
            audit.RecordAbout(assessment.OrganisationId, assessment.Id, userId, action, details);
        }, cancellationToken);
    }

    private string InLanguage(string key, string language)
    {
        var ui = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(language);
            return localizer[key].Value;
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = ui;
        }
    }
}
