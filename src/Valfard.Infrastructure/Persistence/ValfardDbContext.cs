using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Common;
using Valfard.Domain.Indicators;
using Valfard.Domain.Organisations;
using Valfard.Domain.Plans;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Identity;
using Valfard.Infrastructure.Tenancy;

namespace Valfard.Infrastructure.Persistence;

public class ValfardDbContext(DbContextOptions<ValfardDbContext> options, ICurrentOrganisation currentOrganisation)
    : IdentityDbContext<ApplicationUser, ApplicationRole, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>Name of the query filter that hides other organisations' data.</summary>
    public const string TenantFilter = "Tenant";

    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<CouncilTerm> CouncilTerms => Set<CouncilTerm>();
    public DbSet<Sector> Sectors => Set<Sector>();
    public DbSet<UserSector> UserSectors => Set<UserSector>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<WelfareReport> Reports => Set<WelfareReport>();
    public DbSet<ReportSection> ReportSections => Set<ReportSection>();
    public DbSet<SectionText> SectionTexts => Set<SectionText>();
    public DbSet<SectionRevision> SectionRevisions => Set<SectionRevision>();
    public DbSet<ReportTemplate> ReportTemplates => Set<ReportTemplate>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<SectionComment> SectionComments => Set<SectionComment>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Valfard.Domain.Notifications.NotificationPreference> NotificationPreferences => Set<Valfard.Domain.Notifications.NotificationPreference>();
    public DbSet<Valfard.Domain.Notifications.SentReminder> SentReminders => Set<Valfard.Domain.Notifications.SentReminder>();
    public DbSet<Observation> Observations => Set<Observation>();
    public DbSet<CandidateRejection> CandidateRejections => Set<CandidateRejection>();
    public DbSet<LinkedPlan> LinkedPlans => Set<LinkedPlan>();
    public DbSet<AttachmentContent> AttachmentContents => Set<AttachmentContent>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();
    public DbSet<IndicatorSet> IndicatorSets => Set<IndicatorSet>();
    public DbSet<PeerGroup> PeerGroups => Set<PeerGroup>();
    public DbSet<SectionIndicator> SectionIndicators => Set<SectionIndicator>();
    public DbSet<StandardSet> StandardSets => Set<StandardSet>();
    public DbSet<LeftOutIndicator> LeftOutIndicators => Set<LeftOutIndicator>();
    public DbSet<CatalogueChange> CatalogueChanges => Set<CatalogueChange>();
    public DbSet<LocalIndicator> LocalIndicators => Set<LocalIndicator>();
    public DbSet<District> Districts => Set<District>();
    public DbSet<OrganisationLogo> OrganisationLogos => Set<OrganisationLogo>();
    public DbSet<ReportVersion> ReportVersions => Set<ReportVersion>();
    public DbSet<ArchivedDocument> ArchivedDocuments => Set<ArchivedDocument>();
    public DbSet<SubmittedDocument> SubmittedDocuments => Set<SubmittedDocument>();
    public DbSet<Valfard.Domain.Feedback.ResidentFeedback> ResidentFeedback => Set<Valfard.Domain.Feedback.ResidentFeedback>();
    public DbSet<WelfarePlan> Plans => Set<WelfarePlan>();
    public DbSet<Goal> Goals => Set<Goal>();
    public DbSet<Measure> Measures => Set<Measure>();
    public DbSet<FollowUpIndicator> PlanIndicators => Set<FollowUpIndicator>();
    public DbSet<FollowUpRound> FollowUpRounds => Set<FollowUpRound>();
    public DbSet<MeasureFollowUp> MeasureFollowUps => Set<MeasureFollowUp>();
    public DbSet<GoalAssessmentOverride> AssessmentOverrides => Set<GoalAssessmentOverride>();
    public DbSet<Mail.OutgoingMail> OutgoingMail => Set<Mail.OutgoingMail>();
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();
    public DbSet<Valfard.Domain.Assessments.AssessmentArea> AssessmentAreas => Set<Valfard.Domain.Assessments.AssessmentArea>();
    public DbSet<Valfard.Domain.Assessments.ImpactAssessment> ImpactAssessments => Set<Valfard.Domain.Assessments.ImpactAssessment>();
    public DbSet<Valfard.Domain.Assessments.AssessmentAlternative> AssessmentAlternatives => Set<Valfard.Domain.Assessments.AssessmentAlternative>();
    public DbSet<Valfard.Domain.Assessments.AreaImpact> AssessmentImpacts => Set<Valfard.Domain.Assessments.AreaImpact>();
    public DbSet<Valfard.Domain.Negotiations.Negotiation> Negotiations => Set<Valfard.Domain.Negotiations.Negotiation>();
    public DbSet<Valfard.Domain.Assessments.ArchivedAssessmentDocument> ArchivedAssessmentDocuments => Set<Valfard.Domain.Assessments.ArchivedAssessmentDocument>();
    public DbSet<Indicators.StagedIndicatorValue> StagedIndicatorValues => Set<Indicators.StagedIndicatorValue>();
    public DbSet<Valfard.Domain.Counties.CountyDelivery> CountyDeliveries => Set<Valfard.Domain.Counties.CountyDelivery>();
    public DbSet<Valfard.Domain.Counties.SupportRequest> SupportRequests => Set<Valfard.Domain.Counties.SupportRequest>();

    /// <summary>Read by the tenant filter on every query; EF evaluates it per context instance.</summary>
    public Guid? CurrentOrganisationId => currentOrganisation.OrganisationId;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ValfardDbContext).Assembly);

        foreach (var entityType in builder.Model.GetEntityTypes()
                     .Where(t => typeof(IOrganisationOwned).IsAssignableFrom(t.ClrType) && t.BaseType is null))
        {
            builder.Entity(entityType.ClrType).HasQueryFilter(TenantFilter, BuildTenantFilter(entityType.ClrType));
        }
        foreach (var entityType in builder.Model.GetEntityTypes()
                     .Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(entityType.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }
    }

    private LambdaExpression BuildTenantFilter(Type entityType)
    {
        // e => (Guid?)e.OrganisationId == this.CurrentOrganisationId: a null organisation matches nothing.
        var entity = Expression.Parameter(entityType, "e");
        var owner = Expression.Convert(Expression.Property(entity, nameof(IOrganisationOwned.OrganisationId)), typeof(Guid?));
        var current = Expression.Property(Expression.Constant(this), nameof(CurrentOrganisationId));
        return Expression.Lambda(Expression.Equal(owner, current), entity);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RenewVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RenewVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Entities whose form was based on an older version than the one loaded (see <see cref="ExpectVersion"/>).</summary>
    private readonly HashSet<IVersioned> _staleForms = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// The one optimistic-concurrency check: the next save succeeds only if <paramref name="entity"/> still has
    /// <paramref name="expectedVersion"/>, the version the user's form was based on. A form that is stale when it
    /// arrives fails at the save without touching the database; one that races another writer fails in the database's
    /// own WHERE clause on the loaded token. Both raise <see cref="DbUpdateConcurrencyException"/>, so a service has one
    /// place that turns them into the "someone else changed this" answer. A form that sent no version is stale.
    /// </summary>
    /// <returns>False when the form is stale already, for a caller that would rather not do costly work first.</returns>
    public bool ExpectVersion(IVersioned entity, Guid? expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (entity.Version == expectedVersion)
        {
            return true;
        }
        _staleForms.Add(entity);
        return false;
    }

    private void RenewVersions()
    {
        GuardApprovedVersions();
        // Checked here rather than left to the WHERE clause: an entity whose values did not change, or whose change is
        // in its children, would not reach the database at all.
        if (_staleForms.Count > 0)
        {
            throw new DbUpdateConcurrencyException("The change was based on an older version of the data.");
        }
        foreach (var entry in ChangeTracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
        {
            entry.Entity.RenewVersion();
        }
    }

    /// <summary>
    /// The last line of defence for "what the council approved never changes": an approved version may only gain its
    /// publishing stamp, an archived document may never change, and neither may be deleted.
    /// </summary>
    private void GuardApprovedVersions()
    {
        string[] publishing = [nameof(ReportVersion.PublishedAt), nameof(ReportVersion.PublishedById)];
        foreach (var entry in ChangeTracker.Entries<ReportVersion>())
        {
            if (entry.State == EntityState.Deleted
                || (entry.State == EntityState.Modified && entry.Properties.Any(p => p.IsModified && !publishing.Contains(p.Metadata.Name))))
            {
                throw new InvalidOperationException($"Approved version {entry.Entity.Id} is frozen and cannot be changed or deleted.");
            }
        }
        foreach (var entry in ChangeTracker.Entries().Where(e => e.Metadata.IsOwned() && e.Metadata.ClrType == typeof(CouncilDecision)
                     && e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The decision of an approved version is frozen and cannot be changed.");
        }
        // The board's decision is frozen only inside an approved version; on the report it is cleared when the text goes back.
        foreach (var entry in ChangeTracker.Entries().Where(e => e.Metadata.IsOwned() && e.Metadata.ClrType == typeof(BoardDecision)
                     && e.Metadata.FindOwnership()?.PrincipalEntityType.ClrType == typeof(ReportVersion)
                     && e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The board's decision of an approved version is frozen and cannot be changed.");
        }
        foreach (var entry in ChangeTracker.Entries<SubmittedDocument>().Where(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException($"Submitted document {entry.Entity.Id} is what the decision makers read and cannot be changed or deleted.");
        }
        foreach (var entry in ChangeTracker.Entries<ArchivedDocument>().Where(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException($"Archived document {entry.Entity.Id} is frozen and cannot be changed or deleted.");
        }
    }
}
