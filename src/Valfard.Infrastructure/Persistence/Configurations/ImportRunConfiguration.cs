using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Valfard.Domain.Indicators;
using Valfard.Infrastructure.Indicators;

namespace Valfard.Infrastructure.Persistence.Configurations;

public sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> builder)
    {
        builder.ToTable("ImportRuns");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        builder.Property(r => r.Error).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Source).HasMaxLength(ImportRun.SourceMaxLength).IsRequired();
        builder.Property(r => r.FilePath).HasMaxLength(1000);
        builder.Property(r => r.IndicatorIds).HasMaxLength(ImportRun.ListMaxLength);
        builder.Property(r => r.Years).HasMaxLength(ImportRun.ListMaxLength);
        builder.Property(r => r.StartedByName).HasMaxLength(ImportRun.NameMaxLength);
        builder.Property(r => r.UnknownRegions).HasMaxLength(ImportRun.ListMaxLength);
        builder.Property(r => r.ErrorField).HasMaxLength(ImportRun.FieldMaxLength);
        builder.Property(r => r.ErrorProblem).HasMaxLength(ImportRun.FieldMaxLength);
        builder.Property(r => r.ErrorValue).HasMaxLength(ImportRun.FieldMaxLength);
        builder.Ignore(r => r.IndicatorIdList);
        builder.Ignore(r => r.YearList);
        builder.HasIndex(r => r.Sequence);
        // The database itself allows one running import per installation, whichever app instance claims it. The
        // filter is written so both SQLite and SQL Server read it.
        builder.HasIndex(r => r.State).IsUnique().HasFilter("State = 'Running'").HasDatabaseName("IX_ImportRuns_OneRunning");
    }
}

public sealed class StagedIndicatorValueConfiguration : IEntityTypeConfiguration<StagedIndicatorValue>
{
    public const string Table = "IndicatorValueStaging";

    public void Configure(EntityTypeBuilder<StagedIndicatorValue> builder)
    {
        builder.ToTable(Table);
        // The key is the values table's key behind the run's: the apply reads the rows in the target's order, and a
        // row repeated in a file replaces the earlier one, as a second import would.
        builder.HasKey(v => new { v.RunKey, v.IndicatorId, v.RegionId, v.Year, v.Gender });
        builder.Property(v => v.RunKey).HasMaxLength(StagedIndicatorValue.RunKeyLength).IsUnicode(false);
    }
}
