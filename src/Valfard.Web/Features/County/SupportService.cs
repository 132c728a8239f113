using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Common;
using Valfard.Domain.Counties;
using Valfard.Infrastructure.Persistence;
using Valfard.Web.Common;

namespace Valfard.Web.Features.County;

/// <summary>
/// Support requests: the municipality asks its county and reads the answer (its own rows, through the ordinary
/// tenant filter); the county reads and answers its members' requests (through <see cref="CountyAccess"/>). Each
/// side's coordinators hear of the other's move in their own language.
/// </summary>
public sealed partial class SupportService(ValfardDbContext db, CountyAccess access, CountyNotices notices, AuditTrail audit, TimeProvider clock,
    ILogger<SupportService> logger)
{
    // ----- The municipality's side -----

    /// <summary>The form for a new request, or null when the user's organisation is not a municipality in a county.</summary>
    public async Task<SupportRequestForm?> NewFormAsync(Guid? reportId, string language, CancellationToken cancellationToken)
    {
        var municipality = await access.CurrentMunicipalityAsync(cancellationToken);
        if (municipality?.CountyId is not { } countyId)
        {
            return null;
        }
        var form = new SupportRequestForm { ReportId = reportId };
        await FillAsync(form, countyId, language, cancellationToken);
        return form;
    }

    public async Task FillAsync(SupportRequestForm form, Guid countyId, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var county = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == countyId, cancellationToken);
        form.CountyName = county.NameIn(language);
        var reports = await db.Reports.AsNoTracking().Select(r => new { r.Id, r.TitleFi, r.TitleSv, r.CreatedAt }).ToListAsync(cancellationToken);
        form.Reports = reports.OrderByDescending(r => r.CreatedAt)
            .Select(r => (r.Id, language == "sv" && r.TitleSv.Length > 0 ? r.TitleSv : r.TitleFi)).ToList();
    }

    public async Task<(OperationResult Result, Guid? Id)> AskAsync(SupportRequestForm form, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var municipality = await access.CurrentMunicipalityAsync(cancellationToken);
        if (municipality?.CountyId is null)
        {
            return (OperationResult.Missing(), null);
        }
        // A linked report must be the municipality's own: the tenant filter answers that.
        if (form.ReportId is { } reportId && !await db.Reports.AnyAsync(r => r.Id == reportId, cancellationToken))
        {
            return (OperationResult.Fail(nameof(form.ReportId), "County.Support.ReportUnknown"), null);
        }
        var now = clock.GetUtcNow();
        SupportRequest request;
        try
        {
            request = SupportRequest.Ask(municipality, form.Kind ?? 0, form.Message, form.ReportId, userId, now);
        }
        catch (DomainException ex)
        {
            return (OperationResult.Refused(ex), null);
        }
        db.SupportRequests.Add(request);
        audit.Record(municipality.Id, request.ReportId, userId, "County.Support.Asked", request.Kind.ToString());
        await notices.AddAsync(request.CountyId, "Notification.County.SupportAsked",
            language => $"{municipality.NameIn(language)}: {request.Message}", $"/county/support/{request.Id}", now, cancellationToken);
        var saved = await db.SaveAsync(cancellationToken);
        if (saved.Succeeded)
        {
            LogAsked(logger, request.Id, municipality.Id, request.CountyId);
        }
        return (saved, saved.Succeeded ? request.Id : null);
    }

    /// <summary>The municipality's own requests with the county's answers.</summary>
    public async Task<SupportListViewModel?> OwnAsync(string language, CancellationToken cancellationToken)
    {
        var municipality = await access.CurrentMunicipalityAsync(cancellationToken);
        if (municipality?.CountyId is not { } countyId)
        {
            return null;
        }
        var county = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == countyId, cancellationToken);
        var requests = await db.SupportRequests.AsNoTracking().ToListAsync(cancellationToken);
        return new SupportListViewModel
        {
            OtherName = county.NameIn(language),
            Requests = await RowsAsync(requests, language, ownReports: true, cancellationToken),
        };
    }

    /// <summary>The municipality marks an answered request settled.</summary>
    public async Task<OperationResult> CloseOwnAsync(Guid id, Guid userId, CancellationToken cancellationToken)
    {
        var request = await db.SupportRequests.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return request is null ? OperationResult.Missing() : await CloseAsync(request, userId, cancellationToken);
    }

    // ----- The county's side -----

    public async Task<SupportListViewModel?> MembersAsync(string language, CancellationToken cancellationToken)
    {
        var county = await access.CurrentCountyAsync(cancellationToken);
        if (county is null)
        {
            return null;
        }
        var requests = await access.MemberRequestsAsync(cancellationToken);
        return new SupportListViewModel
        {
            OtherName = county.NameIn(language),
            Requests = await RowsAsync(requests, language, ownReports: false, cancellationToken),
        };
    }

    public async Task<SupportAnswerForm?> AnswerFormAsync(Guid id, string language, CancellationToken cancellationToken)
    {
        var request = await access.MemberRequestAsync(id, cancellationToken);
        if (request is null)
        {
            return null;
        }
        var row = (await RowsAsync([request], language, ownReports: false, cancellationToken))[0];
        return new SupportAnswerForm { Answer = request.Answer, Version = request.Version, Request = row };
    }

    public async Task<OperationResult> AnswerAsync(Guid id, SupportAnswerForm form, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var request = await access.MemberRequestAsync(id, cancellationToken);
        if (request is null)
        {
            return OperationResult.Missing();
        }
        db.ExpectVersion(request, form.Version);
        var now = clock.GetUtcNow();
        try
        {
            request.Respond(form.Answer, userId, now);
        }
        catch (DomainException ex)
        {
            return OperationResult.Refused(ex);
        }
        var county = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == request.CountyId, cancellationToken);
        audit.Record(request.CountyId, null, userId, "County.Support.Answered", request.Id.ToString());
        await notices.AddAsync(request.OrganisationId, "Notification.County.SupportAnswered",
            language => $"{county.NameIn(language)}: {request.Answer}", "/support", now, cancellationToken);
        var saved = await db.SaveAsync(cancellationToken);
        if (saved.Succeeded)
        {
            LogAnswered(logger, request.Id, request.CountyId);
        }
        return saved;
    }

    public async Task<OperationResult> CloseForCountyAsync(Guid id, Guid userId, CancellationToken cancellationToken)
    {
        var request = await access.MemberRequestAsync(id, cancellationToken);
        return request is null ? OperationResult.Missing() : await CloseAsync(request, userId, cancellationToken);
    }

    private async Task<OperationResult> CloseAsync(SupportRequest request, Guid userId, CancellationToken cancellationToken)
    {
        try
        {
            request.Close(clock.GetUtcNow());
        }
        catch (DomainException ex)
        {
            return OperationResult.Refused(ex);
        }
        audit.Record(db.CurrentOrganisationId ?? request.OrganisationId, null, userId, "County.Support.Closed", request.Id.ToString());
        return await db.SaveAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<SupportRequestRow>> RowsAsync(IReadOnlyList<SupportRequest> requests, string language, bool ownReports,
        CancellationToken cancellationToken)
    {
        var organisationIds = requests.Select(r => r.OrganisationId).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        // The municipality sees its report's title; the county sees only that a report was named, not the live report.
        var reportIds = requests.Where(r => r.ReportId is not null).Select(r => r.ReportId!.Value).ToList();
        var titles = ownReports
            ? await db.Reports.AsNoTracking().Where(r => reportIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.TitleIn(language), cancellationToken)
            : await db.CountyDeliveries.AsNoTracking().Where(d => reportIds.Contains(d.ReportId))
                .GroupBy(d => d.ReportId).Select(g => g.OrderByDescending(d => d.VersionNumber).First())
                .ToDictionaryAsync(d => d.ReportId, d => language == "sv" && d.TitleSv.Length > 0 ? d.TitleSv : d.TitleFi, cancellationToken);
        return requests.OrderBy(r => r.State).ThenByDescending(r => r.RequestedAt)
            .Select(r => new SupportRequestRow(r.Id, names.TryGetValue(r.OrganisationId, out var o) ? o.NameIn(language) : string.Empty,
                r.Kind, r.Message, r.State, r.RequestedAt, r.Answer, r.AnsweredAt,
                r.ReportId is { } rid && titles.TryGetValue(rid, out var t) ? t : null, r.ReportId))
            .ToList();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Support request {RequestId} sent by {MunicipalityId} to county {CountyId}")]
    private static partial void LogAsked(ILogger logger, Guid requestId, Guid municipalityId, Guid countyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Support request {RequestId} answered by county {CountyId}")]
    private static partial void LogAnswered(ILogger logger, Guid requestId, Guid countyId);
}
