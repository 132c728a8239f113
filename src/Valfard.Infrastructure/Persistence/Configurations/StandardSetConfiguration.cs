using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Valfard.Domain.Indicators;

namespace Valfard.Infrastructure.Persistence.Configurations;

public sealed class StandardSetConfiguration : IEntityTypeConfiguration<StandardSet>
{
    public void Configure(EntityTypeBuilder<StandardSet> builder)
    {
        builder.ToTable("StandardSets");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.NameFi).HasMaxLength(StandardSet.NameMaxLength).IsRequired();
        builder.Property(s => s.NameSv).HasMaxLength(StandardSet.NameMaxLength).IsRequired();
        builder.Property(s => s.NameEn).HasMaxLength(StandardSet.NameMaxLength).IsRequired();
        builder.Property(s => s.Description).HasMaxLength(StandardSet.DescriptionMaxLength).IsRequired();
        builder.Property(s => s.Kind).HasConversion<int>();
        builder.HasIndex(s => s.NameFi).IsUnique();
        builder.HasMany(s => s.Members).WithOne().HasForeignKey(m => m.SetId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class StandardSetMemberConfiguration : IEntityTypeConfiguration<StandardSetMember>
{
    public void Configure(EntityTypeBuilder<StandardSetMember> builder)
    {
        builder.ToTable("StandardSetMembers");
        builder.HasKey(m => new { m.SetId, m.IndicatorId });
        builder.HasOne<Indicator>().WithMany().HasForeignKey(m => m.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class LeftOutIndicatorConfiguration : IEntityTypeConfiguration<LeftOutIndicator>
{
    public void Configure(EntityTypeBuilder<LeftOutIndicator> builder)
    {
        builder.ToTable("LeftOutIndicators");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.ReasonFi).HasMaxLength(LeftOutIndicator.ReasonMaxLength).IsRequired();
        builder.Property(l => l.ReasonSv).HasMaxLength(LeftOutIndicator.ReasonMaxLength).IsRequired();
        builder.HasIndex(l => new { l.OrganisationId, l.StandardSetId, l.IndicatorId }).IsUnique();
        builder.HasOne<Domain.Organisations.Organisation>().WithMany().HasForeignKey(l => l.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        // A mark is about a set's member: it goes with the set. Only one cascading path (SQL Server allows no more).
        builder.HasOne<StandardSet>().WithMany().HasForeignKey(l => l.StandardSetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Indicator>().WithMany().HasForeignKey(l => l.IndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CatalogueChangeConfiguration : IEntityTypeConfiguration<CatalogueChange>
{
    public void Configure(EntityTypeBuilder<CatalogueChange> builder)
    {
        builder.ToTable("CatalogueChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Action).HasMaxLength(CatalogueChange.ActionMaxLength).IsRequired();
        builder.Property(c => c.Subject).HasMaxLength(CatalogueChange.SubjectMaxLength).IsRequired();
        builder.Property(c => c.OldValue).HasMaxLength(CatalogueChange.ValueMaxLength).IsRequired();
        builder.Property(c => c.NewValue).HasMaxLength(CatalogueChange.ValueMaxLength).IsRequired();
        builder.HasIndex(c => c.At);
    }
}
