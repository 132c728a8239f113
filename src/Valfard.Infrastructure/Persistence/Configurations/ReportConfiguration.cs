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
        builder.Property(s => s.TitleFi).HasMaxLength(ReportLimits.TitleMaxLength).IsRequired();
        builder.Property(s => s.TitleSv).HasMaxLength(ReportLimits.TitleMaxLength).IsRequired();
        builder.Property(s => s.GuidanceFi).HasMaxLength(ReportLimits.GuidanceMaxLength).IsRequired();
        builder.Property(s => s.GuidanceSv).HasMaxLength(ReportLimits.GuidanceMaxLength).IsRequired();
        builder.HasIndex(s => s.OrganisationId);
        builder.HasOne<ReportSection>().WithMany().HasForeignKey(s => s.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Sector>().WithMany().HasForeignKey(s => s.SectorId).OnDelete(DeleteBehavior.Restrict);
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
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
