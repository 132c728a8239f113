using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Valfard.Domain.Assessments;
using Valfard.Domain.Indicators;
using Valfard.Domain.Organisations;
using Valfard.Domain.Plans;
using Valfard.Infrastructure.Identity;

namespace Valfard.Infrastructure.Persistence.Configurations;

// Deletes cascade only along assessment → alternative → impact → its indicators and goals. The impact's second path
// (assessment → impact) is Restrict, because SQL Server refuses two cascade paths; the domain removes an
// alternative's impacts itself. Areas, indicators, goals and users are never deleted through an assessment.

public sealed class AssessmentAreaConfiguration : IEntityTypeConfiguration<AssessmentArea>
{
    public void Configure(EntityTypeBuilder<AssessmentArea> builder)
    {
        builder.ToTable("AssessmentAreas");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.TitleFi).HasMaxLength(AssessmentLimits.TitleMaxLength).IsRequired();
        builder.Property(a => a.TitleSv).HasMaxLength(AssessmentLimits.TitleMaxLength).IsRequired();
        builder.Property(a => a.QuestionsFi).HasMaxLength(AssessmentLimits.QuestionsMaxLength).IsRequired();
        builder.Property(a => a.QuestionsSv).HasMaxLength(AssessmentLimits.QuestionsMaxLength).IsRequired();
        builder.HasIndex(a => a.OrganisationId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ImpactAssessmentConfiguration : IEntityTypeConfiguration<ImpactAssessment>
{
    public void Configure(EntityTypeBuilder<ImpactAssessment> builder)
    {
        builder.ToTable("ImpactAssessments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.DecisionTitle).HasMaxLength(AssessmentLimits.TitleMaxLength).IsRequired();
        builder.Property(a => a.PreparingBody).HasMaxLength(AssessmentLimits.BodyMaxLength).IsRequired();
        builder.Property(a => a.AgendaLink).HasMaxLength(AssessmentLimits.LinkMaxLength).IsRequired();
        builder.Property(a => a.Language).HasMaxLength(2).IsRequired();
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Conclusion).HasMaxLength(AssessmentLimits.TextMaxLength).IsRequired();
        builder.Property(a => a.ChildrenHeardHow).HasMaxLength(AssessmentLimits.TextMaxLength).IsRequired();
        builder.Property(a => a.DecisionParagraph).HasMaxLength(AssessmentLimits.ParagraphMaxLength).IsRequired();
        builder.Ignore(a => a.OrderedAlternatives);
        builder.Ignore(a => a.AreaIds);
        builder.Ignore(a => a.IsEditable);
        builder.HasIndex(a => new { a.OrganisationId, a.Status });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.PreparerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Alternatives).WithOne().HasForeignKey(a => a.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Alternatives).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(a => a.Impacts).WithOne().HasForeignKey(i => i.AssessmentId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(a => a.Impacts).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(a => a.FollowUps).WithOne().HasForeignKey(f => f.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.FollowUps).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class AssessmentAlternativeConfiguration : IEntityTypeConfiguration<AssessmentAlternative>
{
    public void Configure(EntityTypeBuilder<AssessmentAlternative> builder)
    {
        builder.ToTable("AssessmentAlternatives");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Title).HasMaxLength(AssessmentLimits.AlternativeTitleMaxLength).IsRequired();
        builder.Property(a => a.Description).HasMaxLength(AssessmentLimits.TextMaxLength).IsRequired();
        builder.HasIndex(a => a.OrganisationId);
    }
}

public sealed class AreaImpactConfiguration : IEntityTypeConfiguration<AreaImpact>
{
    public void Configure(EntityTypeBuilder<AreaImpact> builder)
    {
        builder.ToTable("AssessmentImpacts");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Direction).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Size).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Certainty).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Groups).HasConversion<int>();
        builder.Property(i => i.Districts).HasMaxLength(AssessmentLimits.DistrictsMaxLength).IsRequired();
        builder.Property(i => i.Evidence).HasMaxLength(AssessmentLimits.TextMaxLength).IsRequired();
        builder.Property(i => i.Mitigations).HasMaxLength(AssessmentLimits.TextMaxLength).IsRequired();
        builder.Ignore(i => i.IsComplete);
        builder.HasIndex(i => new { i.AlternativeId, i.AreaId }).IsUnique();
        builder.HasIndex(i => i.OrganisationId);
        builder.HasOne<AssessmentAlternative>().WithMany().HasForeignKey(i => i.AlternativeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AssessmentArea>().WithMany().HasForeignKey(i => i.AreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Indicators).WithOne().HasForeignKey(x => x.ImpactId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Indicators).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(i => i.Goals).WithOne().HasForeignKey(x => x.ImpactId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Goals).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class ImpactIndicatorConfiguration : IEntityTypeConfiguration<ImpactIndicator>
{
    public void Configure(EntityTypeBuilder<ImpactIndicator> builder)
    {
        builder.ToTable("AssessmentImpactIndicators");
        builder.HasKey(i => new { i.ImpactId, i.IndicatorId });
        builder.HasIndex(i => i.OrganisationId);
        builder.HasOne<Indicator>().WithMany().HasForeignKey(i => i.IndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ImpactGoalConfiguration : IEntityTypeConfiguration<ImpactGoal>
{
    public void Configure(EntityTypeBuilder<ImpactGoal> builder)
    {
        builder.ToTable("AssessmentImpactGoals");
        builder.HasKey(g => new { g.ImpactId, g.GoalId });
        builder.HasIndex(g => g.OrganisationId);
        // A removed plan goal takes its links with it; the assessment's text still says what was weighed.
        builder.HasOne<Goal>().WithMany().HasForeignKey(g => g.GoalId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AssessmentFollowUpConfiguration : IEntityTypeConfiguration<AssessmentFollowUp>
{
    public void Configure(EntityTypeBuilder<AssessmentFollowUp> builder)
    {
        builder.ToTable("AssessmentFollowUps");
        builder.HasKey(f => new { f.AssessmentId, f.IndicatorId });
        builder.HasIndex(f => f.OrganisationId);
        builder.HasOne<Indicator>().WithMany().HasForeignKey(f => f.IndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ArchivedAssessmentDocumentConfiguration : IEntityTypeConfiguration<ArchivedAssessmentDocument>
{
    public void Configure(EntityTypeBuilder<ArchivedAssessmentDocument> builder)
    {
        builder.ToTable("ArchivedAssessmentDocuments");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Language).HasMaxLength(2).IsRequired();
        builder.Property(d => d.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(d => d.Content).IsRequired();
        builder.HasIndex(d => new { d.AssessmentId, d.Language }).IsUnique();
        builder.HasIndex(d => d.OrganisationId);
        // Restrict: a decided assessment is never removed, and its archived document is the record of it.
        builder.HasOne<ImpactAssessment>().WithMany().HasForeignKey(d => d.AssessmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
