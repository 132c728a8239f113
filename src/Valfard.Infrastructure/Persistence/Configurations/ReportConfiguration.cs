using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Valfard.Domain.Common;
using Valfard.Domain.Organisations;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Identity;

namespace Valfard.Infrastructure.Persistence.Configurations;

public sealed class WelfareReportConfiguration : IEntityTypeConfiguration<WelfareReport>
{
    public void Configure(EntityTypeBuilder<WelfareReport> builder)
    {
        builder.ToTable("WelfareReports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.TitleFi).HasMaxLength(ReportLimits.TitleMaxLength).IsRequired();
        builder.Property(r => r.TitleSv).HasMaxLength(ReportLimits.TitleMaxLength).IsRequired();
        builder.Property(r => r.ReturnReason).HasMaxLength(ReportWorkflow.ReasonMaxLength);
        builder.OwnsOne(r => r.BoardDecision, d => BoardDecisionColumns.Map(d));
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CouncilTerm>().WithMany().HasForeignKey(r => r.CouncilTermId).OnDelete(DeleteBehavior.Restrict);
        // One comprehensive report per term and one annual report per year; the service checks first for a friendly message.
        builder.HasIndex(r => new { r.OrganisationId, r.Kind, r.CouncilTermId, r.Year }).IsUnique();
        builder.HasMany(r => r.Sections).WithOne().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Sections).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class ReportSectionConfiguration : IEntityTypeConfiguration<ReportSection>
{
    public void Configure(EntityTypeBuilder<ReportSection> builder)
    {
        builder.ToTable("ReportSections");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.Purpose).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.TitleFi).HasMaxLength(ReportLimits.TitleMaxLength).IsRequired();
        builder.Property(s => s.TitleSv).HasMaxLength(ReportLimits.TitleMaxLength).IsRequired();
        builder.Property(s => s.GuidanceFi).HasMaxLength(ReportLimits.GuidanceMaxLength).IsRequired();
        builder.Property(s => s.GuidanceSv).HasMaxLength(ReportLimits.GuidanceMaxLength).IsRequired();
        builder.Property(s => s.EmptyReasonFi).HasMaxLength(ReportSection.EmptyReasonMaxLength).IsRequired();
        builder.Property(s => s.EmptyReasonSv).HasMaxLength(ReportSection.EmptyReasonMaxLength).IsRequired();
        builder.HasIndex(s => s.OrganisationId);
        builder.HasOne<ReportSection>().WithMany().HasForeignKey(s => s.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Sector>().WithMany().HasForeignKey(s => s.SectorId).OnDelete(DeleteBehavior.Restrict);
        // Restrict: the catalogue is replaced by imports, never deleted while a members-comparison block uses it.
        builder.HasOne<Domain.Indicators.Indicator>().WithMany().HasForeignKey(s => s.MembersIndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Editors).WithOne().HasForeignKey(e => e.SectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Texts).WithOne().HasForeignKey(t => t.SectionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Editors).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(s => s.Texts).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class SectionEditorConfiguration : IEntityTypeConfiguration<SectionEditor>
{
    public void Configure(EntityTypeBuilder<SectionEditor> builder)
    {
        builder.ToTable("SectionEditors");
        builder.HasKey(e => new { e.SectionId, e.UserId });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SectionTextConfiguration : IEntityTypeConfiguration<SectionText>
{
    public void Configure(EntityTypeBuilder<SectionText> builder)
    {
        builder.ToTable("SectionTexts");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Language).HasMaxLength(2).IsRequired();
        builder.Property(t => t.Html).IsRequired();
        builder.HasIndex(t => new { t.SectionId, t.Language }).IsUnique();
    }
}

public sealed class SectionRevisionConfiguration : IEntityTypeConfiguration<SectionRevision>
{
    public void Configure(EntityTypeBuilder<SectionRevision> builder)
    {
        builder.ToTable("SectionRevisions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Language).HasMaxLength(2).IsRequired();
        builder.Property(r => r.Html).IsRequired();
        builder.HasIndex(r => new { r.SectionId, r.Language, r.Number }).IsUnique();
        builder.HasOne<ReportSection>().WithMany().HasForeignKey(r => r.SectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ReportTemplateConfiguration : IEntityTypeConfiguration<ReportTemplate>
{
    public void Configure(EntityTypeBuilder<ReportTemplate> builder)
    {
        builder.ToTable("ReportTemplates");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.HasIndex(t => t.OrganisationId).IsUnique();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Sections).WithOne().HasForeignKey(s => s.TemplateId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Sections).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class TemplateSectionConfiguration : IEntityTypeConfiguration<TemplateSection>
{
    public void Configure(EntityTypeBuilder<TemplateSection> builder)
    {
        builder.ToTable("TemplateSections");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Purpose).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.TitleFi).HasMaxLength(ReportLimits.TitleMaxLength).IsRequired();
        builder.Property(s => s.TitleSv).HasMaxLength(ReportLimits.TitleMaxLength).IsRequired();
        builder.Property(s => s.GuidanceFi).HasMaxLength(ReportLimits.GuidanceMaxLength).IsRequired();
        builder.Property(s => s.GuidanceSv).HasMaxLength(ReportLimits.GuidanceMaxLength).IsRequired();
        builder.HasOne<TemplateSection>().WithMany().HasForeignKey(s => s.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Action).HasMaxLength(AuditEntry.ActionMaxLength).IsRequired();
        builder.Property(a => a.Details).HasMaxLength(AuditEntry.DetailsMaxLength).IsRequired();
        builder.HasIndex(a => new { a.OrganisationId, a.ReportId, a.At });
        builder.HasIndex(a => new { a.OrganisationId, a.SubjectId });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SectionCommentConfiguration : IEntityTypeConfiguration<SectionComment>
{
    public void Configure(EntityTypeBuilder<SectionComment> builder)
    {
        builder.ToTable("SectionComments");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Text).HasMaxLength(SectionComment.TextMaxLength).IsRequired();
        builder.HasIndex(c => new { c.SectionId, c.CreatedAt });
        builder.HasOne<ReportSection>().WithMany().HasForeignKey(c => c.SectionId).OnDelete(DeleteBehavior.Cascade);
        // Replies hang off their thread; NoAction because sections already cascade into this table (SQL Server).
        builder.HasOne<SectionComment>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(c => c.IsThread);
        builder.Ignore(c => c.IsResolved);
    }
}

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Kind).HasMaxLength(80).IsRequired();
        builder.Property(n => n.Text).HasMaxLength(Notification.TextMaxLength).IsRequired();
        builder.Property(n => n.Link).HasMaxLength(Notification.LinkMaxLength).IsRequired();
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
        builder.HasIndex(n => n.AwaitsDigest);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ObservationConfiguration : IEntityTypeConfiguration<Observation>
{
    public void Configure(EntityTypeBuilder<Observation> builder)
    {
        builder.ToTable("Observations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.LifeStage).HasConversion<string>().HasMaxLength(40);
        builder.Property(o => o.TextFi).HasMaxLength(Observation.TextMaxLength).IsRequired();
        builder.Property(o => o.TextSv).HasMaxLength(Observation.TextMaxLength).IsRequired();
        builder.Property(o => o.Evidence).HasMaxLength(Observation.EvidenceMaxLength).IsRequired();
        builder.Property(o => o.EvidenceSv).HasMaxLength(Observation.EvidenceMaxLength).IsRequired();
        builder.HasIndex(o => o.ReportId);
        builder.HasOne<WelfareReport>().WithMany().HasForeignKey(o => o.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Indicators).WithOne().HasForeignKey(e => e.ObservationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Indicators).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

/// <summary>Part of the observation aggregate: reached through <see cref="Observation"/>, whose tenant filter covers it.</summary>
public sealed class ObservationEvidenceConfiguration : IEntityTypeConfiguration<ObservationEvidence>
{
    public void Configure(EntityTypeBuilder<ObservationEvidence> builder)
    {
        builder.ToTable("ObservationEvidence");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.TitleFi).HasMaxLength(ObservationEvidence.TitleMaxLength).IsRequired();
        builder.Property(e => e.TitleSv).HasMaxLength(ObservationEvidence.TitleMaxLength).IsRequired();
        builder.Property(e => e.UnitFi).HasMaxLength(ObservationEvidence.UnitMaxLength).IsRequired();
        builder.Property(e => e.UnitSv).HasMaxLength(ObservationEvidence.UnitMaxLength).IsRequired();
        builder.Property(e => e.RegionFi).HasMaxLength(ObservationEvidence.RegionMaxLength).IsRequired();
        builder.Property(e => e.RegionSv).HasMaxLength(ObservationEvidence.RegionMaxLength).IsRequired();
        builder.Property(e => e.Direction).HasConversion<string>().HasMaxLength(20);
        // The whole analysis as JSON: a few kilobytes at most, never queried inside.
        builder.Property(e => e.Analysis).IsRequired();
        builder.HasIndex(e => new { e.ObservationId, e.IndicatorId }).IsUnique();
        // No foreign key to the catalogue: the evidence must outlive an indicator the admins remove.
    }
}

public sealed class CandidateRejectionConfiguration : IEntityTypeConfiguration<CandidateRejection>
{
    public void Configure(EntityTypeBuilder<CandidateRejection> builder)
    {
        builder.ToTable("CandidateRejections");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Reason).HasMaxLength(CandidateRejection.ReasonMaxLength).IsRequired();
        builder.HasIndex(r => new { r.ReportId, r.IndicatorId, r.Kind, r.Year }).IsUnique();
        builder.HasOne<WelfareReport>().WithMany().HasForeignKey(r => r.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class LinkedPlanConfiguration : IEntityTypeConfiguration<LinkedPlan>
{
    public void Configure(EntityTypeBuilder<LinkedPlan> builder)
    {
        builder.ToTable("LinkedPlans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(p => p.Title).HasMaxLength(LinkedPlan.TitleMaxLength).IsRequired();
        builder.Property(p => p.Url).HasMaxLength(LinkedPlan.UrlMaxLength);
        builder.Property(p => p.FileName).HasMaxLength(LinkedPlan.FileNameMaxLength);
        builder.Property(p => p.ContentType).HasMaxLength(120);
        builder.Property(p => p.Sha256).HasMaxLength(64);
        builder.HasIndex(p => p.ReportId);
        builder.HasOne<WelfareReport>().WithMany().HasForeignKey(p => p.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(p => p.IsFile);
    }
}

public sealed class AttachmentContentConfiguration : IEntityTypeConfiguration<AttachmentContent>
{
    public void Configure(EntityTypeBuilder<AttachmentContent> builder)
    {
        builder.ToTable("AttachmentContents");
        builder.HasKey(c => c.LinkedPlanId);
        builder.Property(c => c.Data).IsRequired();
        builder.HasOne<LinkedPlan>().WithOne().HasForeignKey<AttachmentContent>(c => c.LinkedPlanId).OnDelete(DeleteBehavior.Cascade);
    }
}
