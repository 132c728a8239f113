using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Valfard.Domain.Indicators;

namespace Valfard.Infrastructure.Persistence.Configurations;

/// <summary>The indicator catalogue is national public data, shared by every organisation: no tenant filter.</summary>
public sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.ToTable("Indicators");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        foreach (var title in new[] { nameof(Indicator.TitleFi), nameof(Indicator.TitleSv), nameof(Indicator.TitleEn), nameof(Indicator.Organization), nameof(Indicator.PrimaryValueType) })
        {
            builder.Property(title).HasMaxLength(Indicator.TitleMaxLength).IsRequired();
        }
        foreach (var text in new[] { nameof(Indicator.DescriptionFi), nameof(Indicator.DescriptionSv), nameof(Indicator.InterpretationFi), nameof(Indicator.InterpretationSv) })
        {
            builder.Property(text).HasMaxLength(Indicator.TextMaxLength).IsRequired();
        }
        builder.Property(i => i.Direction).HasConversion<string>().HasMaxLength(20);
    }
}

public sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.ToTable("Regions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.TitleFi).HasMaxLength(200).IsRequired();
        builder.Property(r => r.TitleSv).HasMaxLength(200).IsRequired();
        builder.Property(r => r.TitleEn).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Code).HasMaxLength(20).IsRequired();
        builder.Property(r => r.Category).HasMaxLength(40).IsRequired();
        builder.Property(r => r.MemberOf).HasMaxLength(400).IsRequired();
        builder.HasIndex(r => new { r.Category, r.Code });
    }
}

public sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public const string Table = "IndicatorValues";

    public void Configure(EntityTypeBuilder<IndicatorValue> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(v => new { v.IndicatorId, v.RegionId, v.Year, v.Gender });
        builder.Property(v => v.Gender).HasConversion<int>();
        builder.HasOne<Indicator>().WithMany().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Region>().WithMany().HasForeignKey(v => v.RegionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.RegionId, v.IndicatorId });
    }
}
