using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Valfard.Domain.Indicators;

namespace Valfard.Infrastructure.Persistence.Configurations;

/// <summary>
/// The indicator catalogue is national public data, shared by every organisation: no tenant filter. Each text is
/// three columns (e.g. DescriptionFi, DescriptionSv, DescriptionEn); the lists Sotkanet gives (sources, subjects,
/// groups, classifications) are one JSON column each, read and written whole.
/// </summary>
public sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.ToTable("Indicators");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        Texts(builder, i => i.Title, nameof(Indicator.Title), Indicator.TitleMaxLength);
        Texts(builder, i => i.Unit, nameof(Indicator.Unit), Indicator.TitleMaxLength);
        Texts(builder, i => i.SourceOrganisation, nameof(Indicator.SourceOrganisation), Indicator.TitleMaxLength);
        // HTML texts: no length limit, Sotkanet's longest run to a few thousand characters.
        Texts(builder, i => i.Description, nameof(Indicator.Description), null);
        Texts(builder, i => i.Interpretation, nameof(Indicator.Interpretation), null);
        Texts(builder, i => i.Limits, nameof(Indicator.Limits), null);
        Texts(builder, i => i.Legislation, nameof(Indicator.Legislation), null);
        Texts(builder, i => i.Notices, nameof(Indicator.Notices), null);
        builder.Property(i => i.UnitCode).HasMaxLength(40).IsRequired();
        builder.Property(i => i.Decimals);
        AsJson(builder.Property(i => i.Sources));
        AsJson(builder.Property(i => i.Subjects));
        AsJson(builder.Property(i => i.Groups));
        AsJson(builder.Property(i => i.Sex)).HasColumnName("SexClassification");
        AsJson(builder.Property(i => i.Age)).HasColumnName("AgeClassification");
        builder.Property(i => i.Direction).HasConversion<string>().HasMaxLength(20);
        // What the catalogue search reads: the id and the titles, normalized (ADR 0020).
        builder.Property(i => i.SearchText).HasMaxLength(CatalogueSearchText.MaxLength).IsRequired();
    }

    private static void Texts(EntityTypeBuilder<Indicator> builder, System.Linq.Expressions.Expression<Func<Indicator, LocalizedText?>> text,
        string name, int? maxLength)
    {
        builder.ComplexProperty(text, complex =>
        {
            foreach (var (language, column) in new[] { (nameof(LocalizedText.Fi), "Fi"), (nameof(LocalizedText.Sv), "Sv"), (nameof(LocalizedText.En), "En") })
            {
                var property = complex.Property<string>(language).HasColumnName(name + column).IsRequired();
                if (maxLength is { } max)
                {
                    property.HasMaxLength(max);
                }
            }
        });
    }

    private static PropertyBuilder<T> AsJson<T>(PropertyBuilder<T> property) where T : class =>
        property.HasConversion(v => JsonColumn.Write(v), json => JsonColumn.Read<T>(json),
            new ValueComparer<T>((a, b) => JsonColumn.Write(a) == JsonColumn.Write(b), v => JsonColumn.Write(v).GetHashCode(StringComparison.Ordinal),
                v => JsonColumn.Read<T>(JsonColumn.Write(v)))).IsRequired();
}

/// <summary>Writes and reads a value as a JSON column; also what compares two values for change tracking.</summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T? value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;
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
        // Every page reads a few regions' values of some indicators. The index carries the whole row, so SQLite (whose
        // table is not ordered by the key) answers from the index alone: a 150-indicator overview at 5,000,000 values
        // reads its 58,500 rows in about a third of the time (bench/Valfard.Bench.Scale).
        builder.HasIndex(v => new { v.RegionId, v.IndicatorId, v.Year, v.Gender, v.Value, v.AbsValue });
        // The catalogue's "latest year with data": MAX(Year) for one indicator is one seek, not a scan of its rows.
        // Gender, region and value follow so that the overview's spine charts (every municipality's total for one
        // year) read the index alone: at 5,000,000 values that is 20 ms instead of 100 ms for 150 indicators.
        builder.HasIndex(v => new { v.IndicatorId, v.Year, v.Gender, v.RegionId, v.Value });
    }
}

public sealed class IndicatorSetConfiguration : IEntityTypeConfiguration<IndicatorSet>
{
    public void Configure(EntityTypeBuilder<IndicatorSet> builder)
    {
        builder.ToTable("IndicatorSets");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(IndicatorSet.NameMaxLength).IsRequired();
        builder.HasIndex(s => new { s.OrganisationId, s.Name }).IsUnique();
        builder.HasOne<Domain.Organisations.Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Members).WithOne().HasForeignKey(m => m.SetId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class IndicatorSetMemberConfiguration : IEntityTypeConfiguration<IndicatorSetMember>
{
    public void Configure(EntityTypeBuilder<IndicatorSetMember> builder)
    {
        builder.ToTable("IndicatorSetMembers");
        builder.HasKey(m => new { m.SetId, m.IndicatorId });
        builder.HasOne<Indicator>().WithMany().HasForeignKey(m => m.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PeerGroupConfiguration : IEntityTypeConfiguration<PeerGroup>
{
    public void Configure(EntityTypeBuilder<PeerGroup> builder)
    {
        builder.ToTable("PeerGroups");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
        // One group per organisation: a second one would leave the pages guessing which to use.
        builder.HasIndex(g => g.OrganisationId).IsUnique();
        builder.HasOne<Domain.Organisations.Organisation>().WithMany().HasForeignKey(g => g.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(g => g.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class PeerGroupMemberConfiguration : IEntityTypeConfiguration<PeerGroupMember>
{
    public void Configure(EntityTypeBuilder<PeerGroupMember> builder)
    {
        builder.ToTable("PeerGroupMembers");
        builder.HasKey(m => new { m.GroupId, m.RegionId });
        // Restrict: regions are national data kept by imports; a region in use is not deleted under a group.
        builder.HasOne<Region>().WithMany().HasForeignKey(m => m.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SectionIndicatorConfiguration : IEntityTypeConfiguration<SectionIndicator>
{
    public void Configure(EntityTypeBuilder<SectionIndicator> builder)
    {
        builder.ToTable("SectionIndicators");
        builder.HasKey(s => new { s.SectionId, s.IndicatorId });
        builder.HasOne<Domain.Reports.ReportSection>().WithMany().HasForeignKey(s => s.SectionId).OnDelete(DeleteBehavior.Cascade);
        // Restrict: the catalogue is replaced by imports, never deleted while reports use it.
        builder.HasOne<Indicator>().WithMany().HasForeignKey(s => s.IndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class LocalIndicatorConfiguration : IEntityTypeConfiguration<LocalIndicator>
{
    public void Configure(EntityTypeBuilder<LocalIndicator> builder)
    {
        builder.ToTable("LocalIndicators");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.TitleFi).HasMaxLength(LocalIndicator.TitleMaxLength).IsRequired();
        builder.Property(i => i.TitleSv).HasMaxLength(LocalIndicator.TitleMaxLength).IsRequired();
        builder.Property(i => i.Unit).HasMaxLength(LocalIndicator.UnitMaxLength).IsRequired();
        builder.Property(i => i.Direction).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Domain.Organisations.Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Values).WithOne().HasForeignKey(v => v.LocalIndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Values).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class LocalIndicatorValueConfiguration : IEntityTypeConfiguration<LocalIndicatorValue>
{
    public void Configure(EntityTypeBuilder<LocalIndicatorValue> builder)
    {
        builder.ToTable("LocalIndicatorValues");
        // A surrogate key: the whole municipality's value has no district, and a key column cannot be null.
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedOnAdd();
        builder.Property(v => v.Source).HasMaxLength(LocalIndicatorValue.SourceMaxLength).IsRequired();
        // One value per year and area; two filtered indexes because a unique index treats nulls differently in
        // SQLite (all distinct) and SQL Server (all equal). [] quotes a name in both.
        builder.HasIndex(v => new { v.LocalIndicatorId, v.Year }).IsUnique().HasFilter("[DistrictId] IS NULL")
            .HasDatabaseName("IX_LocalIndicatorValues_Whole");
        builder.HasIndex(v => new { v.LocalIndicatorId, v.Year, v.DistrictId }).IsUnique().HasFilter("[DistrictId] IS NOT NULL")
            .HasDatabaseName("IX_LocalIndicatorValues_District");
        // Removing a district removes its values, after the coordinator has confirmed it.
        builder.HasOne<District>().WithMany().HasForeignKey(v => v.DistrictId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> builder)
    {
        builder.ToTable("Districts");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.NameFi).HasMaxLength(District.NameMaxLength).IsRequired();
        builder.Property(d => d.NameSv).HasMaxLength(District.NameMaxLength).IsRequired();
        builder.HasIndex(d => new { d.OrganisationId, d.NameFi }).IsUnique();
        builder.HasOne<Domain.Organisations.Organisation>().WithMany().HasForeignKey(d => d.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
