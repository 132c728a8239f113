using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Valfard.Domain.Feedback;
using Valfard.Domain.Organisations;

namespace Valfard.Infrastructure.Persistence.Configurations;

public sealed class ResidentFeedbackConfiguration : IEntityTypeConfiguration<ResidentFeedback>
{
    public void Configure(EntityTypeBuilder<ResidentFeedback> builder)
    {
        builder.ToTable("ResidentFeedback");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Kind).HasConversion<int>();
        builder.Property(f => f.Status).HasConversion<int>();
        builder.Property(f => f.Language).HasMaxLength(2).IsRequired();
        builder.Property(f => f.Page).HasMaxLength(ResidentFeedback.PageMaxLength).IsRequired();
        builder.Property(f => f.Message).HasMaxLength(ResidentFeedback.MessageMaxLength).IsRequired();
        builder.Property(f => f.Name).HasMaxLength(ResidentFeedback.NameMaxLength);
        builder.Property(f => f.Email).HasMaxLength(ResidentFeedback.EmailMaxLength);
        builder.Ignore(f => f.AnswerDueAt);
        builder.HasIndex(f => new { f.OrganisationId, f.Status });
        builder.HasIndex(f => f.ReportId);
        // The report id is kept as a plain reference: feedback must never block or cascade from report changes.
        builder.HasOne<Organisation>().WithMany().HasForeignKey(f => f.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
