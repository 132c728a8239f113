using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Valfard.Domain.Organisations;

namespace Valfard.Infrastructure.Persistence.Configurations;

public sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("Organisations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(o => o.Languages).HasConversion<string>().HasMaxLength(40);
        builder.Property(o => o.NameFi).HasMaxLength(OrganisationLimits.NameMaxLength).IsRequired();
        builder.Property(o => o.NameSv).HasMaxLength(OrganisationLimits.NameMaxLength).IsRequired();
        builder.Property(o => o.OfficialCode).HasMaxLength(OrganisationLimits.OfficialCodeLength).IsRequired();
        builder.Property(o => o.Slug).HasMaxLength(OrganisationLimits.SlugMaxLength).IsRequired();
        builder.HasIndex(o => o.Slug).IsUnique();
        builder.HasIndex(o => new { o.Kind, o.OfficialCode }).IsUnique();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(o => o.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(o => o.IsBilingual);
        builder.Ignore(o => o.PrimaryLanguageCode);
    }
}

public sealed class OrganisationLogoConfiguration : IEntityTypeConfiguration<OrganisationLogo>
{
    public void Configure(EntityTypeBuilder<OrganisationLogo> builder)
    {
        builder.ToTable("OrganisationLogos");
        builder.HasKey(l => l.OrganisationId);
        builder.Property(l => l.ContentType).HasMaxLength(30).IsRequired();
        builder.Property(l => l.Data).IsRequired();
        builder.HasOne<Organisation>().WithOne().HasForeignKey<OrganisationLogo>(l => l.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
