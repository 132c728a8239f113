using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Valfard.Domain.Counties;
using Valfard.Domain.Organisations;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Identity;

namespace Valfard.Infrastructure.Persistence.Configurations;

public sealed class CountyDeliveryConfiguration : IEntityTypeConfiguration<CountyDelivery>
{
    public void Configure(EntityTypeBuilder<CountyDelivery> builder)
    {
        builder.ToTable("CountyDeliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Kind).HasConversion<int>();
        builder.Property(d => d.TitleFi).HasMaxLength(ReportLimits.TitleMaxLength).IsRequired();
        builder.Property(d => d.TitleSv).HasMaxLength(ReportLimits.TitleMaxLength).IsRequired();
        // One delivery per approved version: a version is published, and so delivered, once.
        builder.HasIndex(d => d.ReportVersionId).IsUnique();
        builder.HasIndex(d => new { d.OrganisationId, d.MunicipalityId });
        // Every reference is Restrict: deliveries are a record, and SQL Server refuses several cascade paths anyway.
        builder.HasOne<Organisation>().WithMany().HasForeignKey(d => d.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(d => d.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WelfareReport>().WithMany().HasForeignKey(d => d.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ReportVersion>().WithMany().HasForeignKey(d => d.ReportVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(d => d.DeliveredById).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SupportRequestConfiguration : IEntityTypeConfiguration<SupportRequest>
{
    public void Configure(EntityTypeBuilder<SupportRequest> builder)
    {
        builder.ToTable("SupportRequests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Kind).HasConversion<int>();
        builder.Property(r => r.State).HasConversion<int>();
        builder.Property(r => r.Message).HasMaxLength(SupportRequest.MessageMaxLength).IsRequired();
        builder.Property(r => r.Answer).HasMaxLength(SupportRequest.AnswerMaxLength);
        builder.HasIndex(r => new { r.OrganisationId, r.State });
        builder.HasIndex(r => new { r.CountyId, r.State });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WelfareReport>().WithMany().HasForeignKey(r => r.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.RequestedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.AnsweredById).OnDelete(DeleteBehavior.Restrict);
    }
}
