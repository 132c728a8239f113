using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Negotiations;
using Valfard.Domain.Organisations;
using Valfard.Domain.Plans;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Persistence;
using Valfard.Infrastructure.Tenancy;
using Valfard.Web.Common;

namespace Valfard.Web.Features.Negotiations;

/// <summary>
/// The negotiations as either side works on them: the county schedules and moves them from scheduled to held to
/// approved; both sides keep their own agenda items and write the record; each side puts an agreed shared goal into
/// its own welfare plan. Every change goes through a domain method, renews the negotiation's version and is audited
/// in the organisation of the person who made it.
/// </summary>
public sealed class NegotiationService(
    ValfardDbContext db,
    NegotiationAccess access,
    ICurrentOrganisation current,
    AuditTrail audit,
    County.CountyNotices notices,
    TimeProvider clock)
{
    public async Task<NegotiationListViewModel> ListAsync(string language, CancellationToken cancellationToken)
    {
        var negotiations = await access.Visible().AsNoTracking().ToListAsync(cancellationToken);
        var names = await NamesAsync(negotiations.SelectMany(n => new[] { n.OrganisationId, n.MunicipalityId }), language, cancellationToken);
        var own = await OwnOrganisationAsync(cancellationToken);
        return new NegotiationListViewModel
        {
            Rows = [.. negotiations.OrderByDescending(n => n.Year).ThenBy(n => names[n.MunicipalityId], StringComparer.CurrentCulture)
                .Select(n => new NegotiationRow(n.Id, n.Year, names[n.OrganisationId], names[n.MunicipalityId], n.MeetingDate, n.Status))],
            CanSchedule = own?.Kind == OrganisationKind.WellbeingServicesCounty,
        };
    }

    private Task<Organisation?> OwnOrganisationAsync(CancellationToken cancellationToken) =>
        db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == current.OrganisationId, cancellationToken);

    public async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, string language, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        return (await db.Organisations.AsNoTracking().Where(o => wanted.Contains(o.Id)).ToListAsync(cancellationToken))
            .ToDictionary(o => o.Id, o => o.NameIn(language));
    }

    // ---- scheduling (the county)

    public async Task<ScheduleFormViewModel?> ScheduleFormAsync(Guid? id, string language, CancellationToken cancellationToken)
    {
        var own = await OwnOrganisationAsync(cancellationToken);
        if (own is null || own.Kind != OrganisationKind.WellbeingServicesCounty)
        {
            return null;
        }
        var form = new ScheduleFormViewModel { Year = clock.GetUtcNow().Year, Members = await MembersAsync(own.Id, language, cancellationToken) };
        if (id is { } negotiationId)
        {
            var negotiation = await access.Visible().AsNoTracking().FirstOrDefaultAsync(n => n.Id == negotiationId && n.OrganisationId == own.Id, cancellationToken);
            if (negotiation is null)
            {
                return null;
            }
            (form.Id, form.Version, form.MunicipalityId, form.Year) = (negotiation.Id, negotiation.Version, negotiation.MunicipalityId, negotiation.Year);
            (form.MeetingDate, form.Place, form.IsOnline) = (negotiation.MeetingDate, negotiation.Place, negotiation.IsOnline);
        }
        return form;
    }

    private async Task<IReadOnlyList<(Guid, string)>> MembersAsync(Guid countyId, string language, CancellationToken cancellationToken) =>
        (await db.Organisations.AsNoTracking().Where(o => o.CountyId == countyId && o.IsActive).ToListAsync(cancellationToken))
            .Select(o => (o.Id, o.NameIn(language))).OrderBy(o => o.Item2, StringComparer.CurrentCulture).ToList();

    public async Task<(OperationResult Result, Guid? Id)> ScheduleAsync(ScheduleFormViewModel form, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var county = await db.Organisations.FirstOrDefaultAsync(o => o.Id == current.OrganisationId, cancellationToken);
        if (county is null || county.Kind != OrganisationKind.WellbeingServicesCounty)
        {
            return (OperationResult.Missing(), null);
        }
        var municipality = await db.Organisations.FirstOrDefaultAsync(o => o.Id == form.MunicipalityId, cancellationToken);
        if (municipality is null)
        {
            return (OperationResult.Fail(nameof(form.MunicipalityId), "Negotiation.Validation.NotMember"), null);
        }
        if (await access.Visible().AnyAsync(n => n.OrganisationId == county.Id && n.MunicipalityId == municipality.Id && n.Year == form.Year, cancellationToken))
        {
            return (OperationResult.Fail(nameof(form.Year), "Negotiation.Validation.Duplicate"), null);
        }
        Negotiation? negotiation = null;
        var result = await db.ChangeAsync(() =>
        {
            negotiation = Negotiation.Schedule(Guid.NewGuid(), county, municipality, form.Year, form.MeetingDate ?? default, form.Place, form.IsOnline,
                userId, clock.GetUtcNow());
            db.Negotiations.Add(negotiation);
            audit.Record(county.Id, null, userId, "Negotiation.Scheduled", $"{municipality.NameFi} {form.Year}");
        }, cancellationToken);
        if (result.Succeeded)
        {
            await NotifyOtherSideAsync(negotiation!, "Notification.Negotiation.Scheduled", When, cancellationToken);
        }
        return (result, result.Succeeded ? negotiation!.Id : null);
    }

    public async Task<OperationResult> RescheduleAsync(ScheduleFormViewModel form, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        return await NotifyingAsync(await ChangeAsync(form.Id ?? Guid.Empty, form.Version, userId, "Negotiation.Rescheduled", countyOnly: true,
            (n, _) => n.Reschedule(form.MeetingDate ?? default, form.Place, form.IsOnline), cancellationToken),
            form.Id ?? Guid.Empty, "Notification.Negotiation.Rescheduled", When, cancellationToken);
    }

    public Task<OperationResult> MarkHeldAsync(Guid id, Guid version, Guid userId, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, userId, "Negotiation.Held", countyOnly: true, (n, _) => n.MarkHeld(clock.GetUtcNow()), cancellationToken);

    public async Task<OperationResult> ApproveAsync(Guid id, Guid version, Guid userId, CancellationToken cancellationToken) =>
        await NotifyingAsync(await ChangeAsync(id, version, userId, "Negotiation.Approved", countyOnly: true, (n, _) => n.Approve(userId, clock.GetUtcNow()),
            cancellationToken), id, "Notification.Negotiation.Approved", (_, _) => string.Empty, cancellationToken);

    // ---- the agenda (each side its own items)

    public async Task<AgendaItemFormViewModel?> ItemFormAsync(Guid id, Guid? itemId, string language, CancellationToken cancellationToken)
    {
        var negotiation = await access.LoadAsync(id, tracked: false, cancellationToken);
        if (negotiation is null)
        {
            return null;
        }
        var form = new AgendaItemFormViewModel { NegotiationId = id, Version = negotiation.Version, Heading = await HeadingAsync(negotiation, language, cancellationToken) };
        if (itemId is { } wanted)
        {
            var item = negotiation.Agenda.FirstOrDefault(i => i.Id == wanted && i.Side == access.SideOf(negotiation));
            if (item is null)
            {
                return null;
            }
            (form.ItemId, form.Title, form.Details, form.Link) = (item.Id, item.Title, item.Details, item.Link);
        }
        return form;
    }

    public async Task<OperationResult> SaveItemAsync(AgendaItemFormViewModel form, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = await ChangeAsync(form.NegotiationId, form.Version, userId, form.ItemId is null ? "Negotiation.ItemAdded" : "Negotiation.ItemChanged", countyOnly: false,
            (n, side) =>
            {
                if (form.ItemId is { } itemId)
                {
                    n.EditAgendaItem(itemId, side, form.Title, form.Details, form.Link);
                }
                else
                {
                    n.AddAgendaItem(side, form.Title, form.Details, form.Link);
                }
            }, cancellationToken);
        // Only a new item of the municipality's is news to the county; the county's own items the municipality sees
        // when the negotiation was scheduled or changed.
        return form.ItemId is null
            ? await NotifyingAsync(result, form.NegotiationId, "Notification.Negotiation.ItemAdded", (_, _) => form.Title ?? string.Empty, cancellationToken,
                onlyFrom: NegotiationSide.Municipality)
            : result;
    }

    public Task<OperationResult> MoveItemAsync(Guid id, Guid itemId, int direction, Guid version, Guid userId, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, userId, "Negotiation.ItemMoved", countyOnly: false, (n, side) => n.MoveAgendaItem(itemId, side, direction), cancellationToken);

    public Task<OperationResult> RemoveItemAsync(Guid id, Guid itemId, Guid version, Guid userId, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, userId, "Negotiation.ItemRemoved", countyOnly: false, (n, side) => n.RemoveAgendaItem(itemId, side), cancellationToken);

    /// <summary>Adds a suggested item as the reader's own; the suggestion is found again on the server, never taken from the form.</summary>
    public async Task<OperationResult> AddSuggestionAsync(Guid id, Guid version, AgendaSuggestion? suggestion, Guid userId, CancellationToken cancellationToken) =>
        suggestion is null
            // Suggestions are read anew on every request: one that has gone (its concern was removed) is said so, not a 404.
            ? OperationResult.Fail(null, "Negotiation.Validation.ItemMissing")
            : await NotifyingAsync(await ChangeAsync(id, version, userId, "Negotiation.ItemAdded", countyOnly: false,
                (n, side) => n.AddAgendaItem(side, suggestion.Title, suggestion.Details, suggestion.Link, suggestion.Source), cancellationToken),
                id, "Notification.Negotiation.ItemAdded", (_, _) => suggestion.Title, cancellationToken, onlyFrom: NegotiationSide.Municipality);

    // ---- the record (either side writes it while the negotiation is held)

    public Task<OperationResult> WriteSummaryAsync(Guid id, Guid version, string? summary, Guid userId, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, userId, "Negotiation.SummaryWritten", countyOnly: false, (n, _) => n.WriteSummary(summary), cancellationToken);

    public Task<OperationResult> AddParticipantAsync(Guid id, Guid version, string? name, NegotiationSide side, string? role, Guid userId,
        CancellationToken cancellationToken) =>
        ChangeAsync(id, version, userId, "Negotiation.ParticipantAdded", countyOnly: false, (n, _) => n.AddParticipant(name, side, role), cancellationToken);

    public Task<OperationResult> RemoveParticipantAsync(Guid id, Guid participantId, Guid version, Guid userId, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, userId, "Negotiation.ParticipantRemoved", countyOnly: false, (n, _) => n.RemoveParticipant(participantId), cancellationToken);

    public async Task<AgreementFormViewModel?> AgreementFormAsync(Guid id, Guid? agreementId, string language, CancellationToken cancellationToken)
    {
        var negotiation = await access.LoadAsync(id, tracked: false, cancellationToken);
        if (negotiation is null)
        {
            return null;
        }
        var bilingual = await db.Organisations.AsNoTracking()
            .AnyAsync(o => (o.Id == negotiation.OrganisationId || o.Id == negotiation.MunicipalityId) && o.Languages == OrganisationLanguages.Bilingual, cancellationToken);
        var form = new AgreementFormViewModel
        {
            NegotiationId = id,
            Version = negotiation.Version,
            Heading = await HeadingAsync(negotiation, language, cancellationToken),
            Bilingual = bilingual,
        };
        if (agreementId is { } wanted)
        {
            var agreement = negotiation.Agreements.FirstOrDefault(a => a.Id == wanted);
            if (agreement is null)
            {
                return null;
            }
            (form.AgreementId, form.Kind, form.TitleFi, form.TitleSv) = (agreement.Id, agreement.Kind, agreement.TitleFi, agreement.TitleSv);
            (form.Responsible, form.DueDate) = (agreement.Responsible, agreement.DueDate);
        }
        return form;
    }

    public Task<OperationResult> SaveAgreementAsync(AgreementFormViewModel form, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        return ChangeAsync(form.NegotiationId, form.Version, userId, form.AgreementId is null ? "Negotiation.AgreementAdded" : "Negotiation.AgreementChanged",
            countyOnly: false, (n, _) =>
            {
                if (form.AgreementId is { } agreementId)
                {
                    n.EditAgreement(agreementId, form.Kind, form.TitleFi, form.TitleSv, form.Responsible, form.DueDate);
                }
                else
                {
                    n.AddAgreement(form.Kind, form.TitleFi, form.TitleSv, form.Responsible, form.DueDate);
                }
            }, cancellationToken);
    }

    public Task<OperationResult> RemoveAgreementAsync(Guid id, Guid agreementId, Guid version, Guid userId, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, userId, "Negotiation.AgreementRemoved", countyOnly: false, (n, _) => n.RemoveAgreement(agreementId), cancellationToken);

    /// <summary>How one of last year's agreements went, recorded in this year's record.</summary>
    public async Task<OperationResult> FollowUpAsync(Guid id, Guid version, Guid agreementId, AgreementProgress progress, string? note, Guid userId,
        CancellationToken cancellationToken)
    {
        var negotiation = await access.LoadAsync(id, tracked: false, cancellationToken);
        if (negotiation is null)
        {
            return OperationResult.Missing();
        }
        var earlier = await EarlierAsync(negotiation, cancellationToken);
        if (earlier is null)
        {
            return OperationResult.Fail(null, "Negotiation.Validation.NotEarlierAgreement");
        }
        return await ChangeAsync(id, version, userId, "Negotiation.FollowedUp", countyOnly: false,
            (n, _) => n.FollowUp(earlier, agreementId, progress, note), cancellationToken);
    }

    /// <summary>The latest approved negotiation of an earlier year between the same two organisations.</summary>
    public async Task<Negotiation?> EarlierAsync(Negotiation negotiation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(negotiation);
        var earlier = await access.Visible().AsNoTracking().Include(n => n.Agreements)
            .Where(n => n.OrganisationId == negotiation.OrganisationId && n.MunicipalityId == negotiation.MunicipalityId && n.Year < negotiation.Year
                && n.Status == NegotiationStatus.Approved)
            .OrderByDescending(n => n.Year).FirstOrDefaultAsync(cancellationToken);
        return earlier;
    }

    // ---- shared goals into the plans

    /// <summary>
    /// Puts an agreed shared goal into the reader's own welfare plan (the latest one) as a goal of its own, coded
    /// "YT1", "YT2"… and worded as agreed, and ties the agreement to it. Each side does this for its own plan, so
    /// neither organisation ever writes into the other's.
    /// </summary>
    public async Task<OperationResult> AddToPlanAsync(Guid id, Guid agreementId, Guid version, Guid userId, string language, CancellationToken cancellationToken)
    {
        var negotiation = await access.LoadAsync(id, tracked: true, cancellationToken);
        if (negotiation is null)
        {
            return OperationResult.Missing();
        }
        var plan = await OwnPlanAsync(cancellationToken);
        if (plan is null)
        {
            return OperationResult.Fail(null, "Negotiation.Validation.NoPlan");
        }
        var side = access.SideOf(negotiation);
        var names = await NamesAsync([negotiation.OrganisationId, negotiation.MunicipalityId], "fi", cancellationToken);
        var namesSv = await NamesAsync([negotiation.OrganisationId, negotiation.MunicipalityId], "sv", cancellationToken);
        var codes = (await db.Goals.Where(g => g.PlanId == plan.Id).Select(g => new { g.Code, g.Position }).ToListAsync(cancellationToken));
        var number = 1;
        while (codes.Any(c => c.Code == $"YT{number}"))
        {
            number++;
        }
        var position = codes.Count == 0 ? 1 : codes.Max(c => c.Position) + 1;
        db.ExpectVersion(negotiation, version);
        return await db.ChangeAsync(() =>
        {
            var agreement = negotiation.AgreementOf(agreementId);
            var goal = new Goal(Guid.NewGuid(), plan, $"YT{number}", position);
            goal.Update(goal.Code, agreement.TitleFi, agreement.TitleSv,
                $"Yhteinen tavoite, sovittu hyvinvointineuvottelussa {negotiation.Year}: {names[negotiation.OrganisationId]} ja {names[negotiation.MunicipalityId]}.",
                $"Gemensamt mål, överenskommet i välfärdsförhandlingen {negotiation.Year}: {namesSv[negotiation.OrganisationId]} och {namesSv[negotiation.MunicipalityId]}.",
                LifeStage.WholePopulation, string.Empty);
            negotiation.LinkGoal(agreementId, side, goal.Id, goal.Code);
            db.Goals.Add(goal);
            db.ChangedThroughItsRows(negotiation);
            audit.Record(current.OrganisationId!.Value, null, userId, "Negotiation.GoalAddedToPlan", $"{goal.Code} {agreement.TitleFi}");
        }, cancellationToken);
    }

    /// <summary>The organisation's latest welfare plan (by the start of its council term).</summary>
    public async Task<WelfarePlan?> OwnPlanAsync(CancellationToken cancellationToken)
    {
        var plans = await db.Plans.Join(db.CouncilTerms, p => p.CouncilTermId, t => t.Id, (p, t) => new { Plan = p, t.StartDate })
            .ToListAsync(cancellationToken);
        return plans.OrderByDescending(p => p.StartDate).Select(p => p.Plan).FirstOrDefault();
    }

    /// <summary>The goals of the reader's plans that carry shared goals, with the agreement's latest follow-up.</summary>
    public async Task<IReadOnlyList<SharedGoalRow>> SharedGoalsAsync(Guid planId, string language, CancellationToken cancellationToken)
    {
        var goals = await db.Goals.AsNoTracking().Where(g => g.PlanId == planId).ToListAsync(cancellationToken);
        var goalIds = goals.Select(g => g.Id).ToList();
        if (goalIds.Count == 0)
        {
            return [];
        }
        var negotiations = await access.Visible().AsNoTracking().Include(n => n.Agreements)
            .Where(n => n.Agreements.Any(a => (a.MunicipalityGoalId != null && goalIds.Contains(a.MunicipalityGoalId.Value))
                || (a.CountyGoalId != null && goalIds.Contains(a.CountyGoalId.Value))))
            .ToListAsync(cancellationToken);
        var names = await NamesAsync(negotiations.SelectMany(n => new[] { n.OrganisationId, n.MunicipalityId }), language, cancellationToken);
        var later = await LaterFollowUpsAsync(negotiations.SelectMany(n => n.Agreements.Select(a => a.Id)), cancellationToken);
        var rows = new List<SharedGoalRow>();
        foreach (var negotiation in negotiations.OrderByDescending(n => n.Year))
        {
            var side = access.SideOf(negotiation);
            foreach (var agreement in negotiation.OrderedAgreements)
            {
                var goal = goals.FirstOrDefault(g => g.Id == agreement.GoalOf(side));
                if (goal is null)
                {
                    continue;
                }
                var otherSide = side == NegotiationSide.County ? NegotiationSide.Municipality : NegotiationSide.County;
                var otherCode = otherSide == NegotiationSide.County ? agreement.CountyGoalCode : agreement.MunicipalityGoalCode;
                rows.Add(new SharedGoalRow(goal.Id, goal.Code, goal.TitleIn(language), negotiation.Id, negotiation.Year,
                    names[otherSide == NegotiationSide.County ? negotiation.OrganisationId : negotiation.MunicipalityId], otherCode,
                    later.GetValueOrDefault(agreement.Id)));
            }
        }
        return rows;
    }

    /// <summary>The latest follow-up, in a later visible negotiation, of each of the given agreements.</summary>
    public async Task<Dictionary<Guid, LaterFollowUp>> LaterFollowUpsAsync(IEnumerable<Guid> agreementIds, CancellationToken cancellationToken)
    {
        var ids = agreementIds.ToList();
        // Loaded whole and picked in memory: a projection through the collection would need SQL APPLY, which SQLite lacks.
        var negotiations = await access.Visible().AsNoTracking().Include(n => n.FollowUps)
            .Where(n => n.FollowUps.Any(f => ids.Contains(f.AgreementId))).ToListAsync(cancellationToken);
        var rows = negotiations.SelectMany(n => n.FollowUps.Where(f => ids.Contains(f.AgreementId)).Select(f => new { n.Year, f.AgreementId, f.Progress, f.Note }));
        return rows.GroupBy(r => r.AgreementId).ToDictionary(g => g.Key, g =>
        {
            var latest = g.MaxBy(r => r.Year)!;
            return new LaterFollowUp(latest.Year, latest.Progress, latest.Note);
        });
    }

    // ---- confirmation pages

    public async Task<NegotiationConfirmViewModel?> ConfirmAsync(Guid id, string kind, Guid? itemId, string language, CancellationToken cancellationToken)
    {
        var negotiation = await access.LoadAsync(id, tracked: false, cancellationToken);
        if (negotiation is null)
        {
            return null;
        }
        var side = access.SideOf(negotiation);
        if (kind is "Held" or "Approve" && side != NegotiationSide.County)
        {
            return null;
        }
        string? itemTitle = null;
        if (kind == "RemoveItem")
        {
            itemTitle = negotiation.Agenda.FirstOrDefault(i => i.Id == itemId && i.Side == side)?.Title;
        }
        else if (kind == "RemoveAgreement")
        {
            itemTitle = negotiation.Agreements.FirstOrDefault(a => a.Id == itemId)?.TitleIn(language);
        }
        if (kind.StartsWith("Remove", StringComparison.Ordinal) && itemTitle is null)
        {
            return null;
        }
        var missing = new List<string>();
        if (kind == "Held" && negotiation.Agenda.Count == 0)
        {
            missing.Add("Negotiation.Validation.AgendaEmpty");
        }
        if (kind == "Approve")
        {
            if (!negotiation.Participants.Any(p => p.Side == NegotiationSide.County) || !negotiation.Participants.Any(p => p.Side == NegotiationSide.Municipality))
            {
                missing.Add("Negotiation.Validation.ParticipantsMissing");
            }
            if (negotiation.Agreements.Count == 0)
            {
                missing.Add("Negotiation.Validation.AgreementsMissing");
            }
        }
        return new NegotiationConfirmViewModel
        {
            NegotiationId = id,
            Version = negotiation.Version,
            Kind = kind,
            Heading = await HeadingAsync(negotiation, language, cancellationToken),
            ItemId = itemId,
            ItemTitle = itemTitle,
            Missing = missing,
        };
    }

    public async Task<string> HeadingAsync(Negotiation negotiation, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(negotiation);
        var names = await NamesAsync([negotiation.OrganisationId, negotiation.MunicipalityId], language, cancellationToken);
        return $"{names[negotiation.MunicipalityId]} {negotiation.Year}";
    }

    // ---- notices to the other side (issue 18 §4): its coordinators get an in-app notification through CountyNotices

    /// <summary>The meeting's date and place as the notice tells it.</summary>
    private static string When(Negotiation negotiation, string language) =>
        negotiation.MeetingDate.ToString("d.M.yyyy", System.Globalization.CultureInfo.InvariantCulture)
        + (negotiation.Place.Length > 0 ? ", " + negotiation.Place : string.Empty);

    /// <summary>After a successful change, tells the other side; <paramref name="onlyFrom"/> limits it to changes made by that side.</summary>
    private async Task<OperationResult> NotifyingAsync(OperationResult result, Guid id, string kind, Func<Negotiation, string, string> detail,
        CancellationToken cancellationToken, NegotiationSide? onlyFrom = null)
    {
        if (!result.Succeeded || await access.LoadAsync(id, tracked: false, cancellationToken) is not { } negotiation)
        {
            return result;
        }
        if (onlyFrom is null || access.SideOf(negotiation) == onlyFrom)
        {
            await NotifyOtherSideAsync(negotiation, kind, detail, cancellationToken);
        }
        return result;
    }

    /// <summary>
    /// The notice reads "Municipality Year: detail" in each recipient's language and links the negotiation. The change
    /// itself is already saved: a notice that fails to save does not undo it.
    /// </summary>
    private async Task NotifyOtherSideAsync(Negotiation negotiation, string kind, Func<Negotiation, string, string> detail, CancellationToken cancellationToken)
    {
        var other = access.SideOf(negotiation) == NegotiationSide.County ? negotiation.MunicipalityId : negotiation.OrganisationId;
        var organisations = await db.Organisations.AsNoTracking().Where(o => o.Id == negotiation.OrganisationId || o.Id == negotiation.MunicipalityId)
            .ToDictionaryAsync(o => o.Id, cancellationToken);
        string Text(string language)
        {
            var heading = $"{organisations[negotiation.MunicipalityId].NameIn(language)} {negotiation.Year}";
            var words = detail(negotiation, language);
            return words.Length > 0 ? $"{heading}: {words}" : heading;
        }
        if (await notices.AddAsync(other, kind, Text, $"/negotiations/{negotiation.Id}", clock.GetUtcNow(), cancellationToken) > 0)
        {
            await db.SaveAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The one path of a change: load through the access rule, check the version the form was read with, apply the
    /// domain method as the reader's side, renew the version (rows only change too), audit, save.
    /// </summary>
    private async Task<OperationResult> ChangeAsync(Guid id, Guid version, Guid userId, string action, bool countyOnly,
        Action<Negotiation, NegotiationSide> change, CancellationToken cancellationToken)
    {
        var negotiation = await access.LoadAsync(id, tracked: true, cancellationToken);
        if (negotiation is null)
        {
            return OperationResult.Missing();
        }
        var side = access.SideOf(negotiation);
        if (countyOnly && side != NegotiationSide.County)
        {
            return OperationResult.Missing();
        }
        db.ExpectVersion(negotiation, version);
        return await db.ChangeAsync(() =>
        {
            change(negotiation, side);
            db.ChangedThroughItsRows(negotiation);
            audit.Record(current.OrganisationId!.Value, null, userId, action, $"{negotiation.Year} {negotiation.MunicipalityId}");
        }, cancellationToken);
    }
}
