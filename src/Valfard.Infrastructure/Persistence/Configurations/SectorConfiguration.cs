using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Valfard.Domain.Organisations;

namespace Valfard.Infrastructure.Persistence.Configurations;

public sealed class SectorConfiguration : IEntityTypeConfiguration<Sector>
{
    public void Configure(EntityTypeBuilder<Sector> builder)
    {
        builder.ToTable("Sectors");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Code).HasMaxLength(OrganisationLimits.SectorCodeMaxLength).IsRequired();
        builder.Property(s => s.NameFi).HasMaxLength(OrganisationLimits.SectorNameMaxLength).IsRequired();
        builder.Property(s => s.NameSv).HasMaxLength(OrganisationLimits.SectorNameMaxLength).IsRequired();
        builder.Property(s => s.NameEn).HasMaxLength(OrganisationLimits.SectorNameMaxLength).IsRequired();
        builder.HasIndex(s => new { s.OrganisationId, s.Code }).IsUnique();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
