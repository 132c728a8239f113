using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Valfard.Domain.Indicators;
using Valfard.Domain.Organisations;
using Valfard.Domain.Plans;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Identity;

namespace Valfard.Infrastructure.Persistence.Configurations;

// Deletes cascade only along plan → goal → measure and plan → round → entries. Every second path into a table
// (a measure's indicators, a round's rows of a measure or goal) is Restrict, because SQL Server refuses two cascade
// paths; the plan services delete those rows themselves.

public sealed class WelfarePlanConfiguration : IEntityTypeConfiguration<WelfarePlan>
{
    public void Configure(EntityTypeBuilder<WelfarePlan> builder)
    {
        builder.ToTable("WelfarePlans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.TitleFi).HasMaxLength(PlanLimits.TitleMaxLength).IsRequired();
        builder.Property(p => p.TitleSv).HasMaxLength(PlanLimits.TitleMaxLength).IsRequired();
        // One plan per council term.
        builder.HasIndex(p => new { p.OrganisationId, p.CouncilTermId }).IsUnique();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CouncilTerm>().WithMany().HasForeignKey(p => p.CouncilTermId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WelfareReport>().WithMany().HasForeignKey(p => p.ReportId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> builder)
    {
        builder.ToTable("PlanGoals");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.Code).HasMaxLength(PlanLimits.CodeMaxLength).IsRequired();
        builder.Property(g => g.TitleFi).HasMaxLength(PlanLimits.TitleMaxLength).IsRequired();
        builder.Property(g => g.TitleSv).HasMaxLength(PlanLimits.TitleMaxLength).IsRequired();
        builder.Property(g => g.DescriptionFi).HasMaxLength(PlanLimits.DescriptionMaxLength).IsRequired();
        builder.Property(g => g.DescriptionSv).HasMaxLength(PlanLimits.DescriptionMaxLength).IsRequired();
        builder.Property(g => g.Strategy).HasMaxLength(PlanLimits.StrategyMaxLength).IsRequired();
        builder.Property(g => g.StrategySv).HasMaxLength(PlanLimits.StrategyMaxLength).IsRequired();
        builder.Property(g => g.LifeStage).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(g => new { g.PlanId, g.Code }).IsUnique();
        builder.HasIndex(g => g.OrganisationId);
        builder.HasOne<WelfarePlan>().WithMany().HasForeignKey(g => g.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(g => g.Concerns).WithOne().HasForeignKey(c => c.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(g => g.Concerns).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class GoalConcernConfiguration : IEntityTypeConfiguration<GoalConcern>
{
    public void Configure(EntityTypeBuilder<GoalConcern> builder)
    {
        builder.ToTable("PlanGoalConcerns");
        builder.HasKey(c => new { c.GoalId, c.ObservationId });
        builder.HasOne<Observation>().WithMany().HasForeignKey(c => c.ObservationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class MeasureConfiguration : IEntityTypeConfiguration<Measure>
{
    public void Configure(EntityTypeBuilder<Measure> builder)
    {
        builder.ToTable("PlanMeasures");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Code).HasMaxLength(PlanLimits.CodeMaxLength).IsRequired();
        builder.Property(m => m.TitleFi).HasMaxLength(PlanLimits.TitleMaxLength).IsRequired();
        builder.Property(m => m.TitleSv).HasMaxLength(PlanLimits.TitleMaxLength).IsRequired();
        builder.Property(m => m.DescriptionFi).HasMaxLength(PlanLimits.DescriptionMaxLength).IsRequired();
        builder.Property(m => m.DescriptionSv).HasMaxLength(PlanLimits.DescriptionMaxLength).IsRequired();
        builder.Property(m => m.PartnerNames).HasMaxLength(PlanLimits.PartnerNamesMaxLength).IsRequired();
        builder.Property(m => m.Resources).HasMaxLength(PlanLimits.ResourcesMaxLength).IsRequired();
        builder.Property(m => m.PartnerNamesSv).HasMaxLength(PlanLimits.PartnerNamesMaxLength).IsRequired();
        builder.Property(m => m.ResourcesSv).HasMaxLength(PlanLimits.ResourcesMaxLength).IsRequired();
        builder.Property(m => m.BudgetEuros).HasPrecision(12, 2);
        builder.Property(m => m.Partners).HasConversion<int>();
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(m => m.Schedule);
        builder.HasIndex(m => new { m.PlanId, m.Code }).IsUnique();
        builder.HasIndex(m => m.OrganisationId);
        builder.HasIndex(m => m.ResponsibleUserId);
        builder.HasOne<Goal>().WithMany().HasForeignKey(m => m.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<WelfarePlan>().WithMany().HasForeignKey(m => m.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Sector>().WithMany().HasForeignKey(m => m.SectorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.ResponsibleUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class FollowUpIndicatorConfiguration : IEntityTypeConfiguration<FollowUpIndicator>
{
    public void Configure(EntityTypeBuilder<FollowUpIndicator> builder)
    {
        builder.ToTable("PlanIndicators");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Direction).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(i => i.OrganisationId);
        builder.HasOne<WelfarePlan>().WithMany().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Goal>().WithMany().HasForeignKey(i => i.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Measure>().WithMany().HasForeignKey(i => i.MeasureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Indicator>().WithMany().HasForeignKey(i => i.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LocalIndicator>().WithMany().HasForeignKey(i => i.LocalIndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class FollowUpRoundConfiguration : IEntityTypeConfiguration<FollowUpRound>
{
    public void Configure(EntityTypeBuilder<FollowUpRound> builder)
    {
        builder.ToTable("PlanFollowUpRounds");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Ignore(r => r.IsOpen);
        builder.HasIndex(r => new { r.PlanId, r.Year }).IsUnique();
        builder.HasIndex(r => r.OrganisationId);
        builder.HasOne<WelfarePlan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<WelfareReport>().WithMany().HasForeignKey(r => r.ReportId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class MeasureFollowUpConfiguration : IEntityTypeConfiguration<MeasureFollowUp>
{
    public void Configure(EntityTypeBuilder<MeasureFollowUp> builder)
    {
        builder.ToTable("PlanMeasureFollowUps");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Account).HasMaxLength(PlanLimits.AccountMaxLength).IsRequired();
        builder.Property(f => f.AccountSv).HasMaxLength(PlanLimits.AccountMaxLength).IsRequired();
        builder.Ignore(f => f.IsRecorded);
        builder.HasIndex(f => new { f.RoundId, f.MeasureId }).IsUnique();
        builder.HasIndex(f => f.OrganisationId);
        builder.HasOne<FollowUpRound>().WithMany().HasForeignKey(f => f.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Measure>().WithMany().HasForeignKey(f => f.MeasureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(f => f.UpdatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class GoalAssessmentOverrideConfiguration : IEntityTypeConfiguration<GoalAssessmentOverride>
{
    public void Configure(EntityTypeBuilder<GoalAssessmentOverride> builder)
    {
        builder.ToTable("PlanAssessmentOverrides");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Assessment).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Reason).HasMaxLength(PlanLimits.ReasonMaxLength).IsRequired();
        builder.HasIndex(o => new { o.RoundId, o.GoalId }).IsUnique();
        builder.HasIndex(o => o.OrganisationId);
        builder.HasOne<FollowUpRound>().WithMany().HasForeignKey(o => o.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Goal>().WithMany().HasForeignKey(o => o.GoalId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(o => o.ById).OnDelete(DeleteBehavior.Restrict);
    }
}
