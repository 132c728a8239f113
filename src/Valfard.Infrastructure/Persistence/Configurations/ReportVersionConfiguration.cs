using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Valfard.Domain.Reports;
using Valfard.Infrastructure.Identity;

namespace Valfard.Infrastructure.Persistence.Configurations;

public sealed class ReportVersionConfiguration : IEntityTypeConfiguration<ReportVersion>
{
    public void Configure(EntityTypeBuilder<ReportVersion> builder)
    {
        builder.ToTable("ReportVersions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasIndex(v => new { v.ReportId, v.Number }).IsUnique();
        builder.HasIndex(v => v.OrganisationId);
        builder.Property(v => v.SnapshotJson).IsRequired();
        builder.Property(v => v.SnapshotSha256).HasMaxLength(64).IsRequired();
        builder.OwnsOne(v => v.Decision, d =>
        {
            d.Property(x => x.Body).HasColumnName("DecisionBody").HasMaxLength(CouncilDecision.BodyMaxLength).IsRequired();
            d.Property(x => x.BodySv).HasColumnName("DecisionBodySv").HasMaxLength(CouncilDecision.BodyMaxLength).IsRequired();
            d.Property(x => x.MeetingDate).HasColumnName("DecisionMeetingDate");
            d.Property(x => x.Paragraph).HasColumnName("DecisionParagraph").HasMaxLength(CouncilDecision.ParagraphMaxLength).IsRequired();
            d.Property(x => x.MinutesUrl).HasColumnName("DecisionMinutesUrl").HasMaxLength(CouncilDecision.MinutesUrlMaxLength);
            d.Property(x => x.Amendment).HasColumnName("DecisionAmendment").HasMaxLength(CouncilDecision.AmendmentMaxLength);
        });
        builder.Navigation(v => v.Decision).IsRequired();
        builder.OwnsOne(v => v.BoardDecision, d => BoardDecisionColumns.Map(d));
        // An approved version outlives nothing it depends on: the report cannot be deleted under it.
        builder.HasOne<WelfareReport>().WithMany().HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(v => v.ApprovedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(v => v.PublishedById).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ArchivedDocumentConfiguration : IEntityTypeConfiguration<ArchivedDocument>
{
    public void Configure(EntityTypeBuilder<ArchivedDocument> builder)
    {
        builder.ToTable("ArchivedDocuments");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Language).HasMaxLength(2).IsRequired();
        builder.Property(d => d.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(d => d.Content).IsRequired();
        builder.HasIndex(d => new { d.ReportVersionId, d.Language }).IsUnique();
        builder.HasIndex(d => d.OrganisationId);
        builder.HasOne<ReportVersion>().WithMany().HasForeignKey(d => d.ReportVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>The board's decision as columns of its owner (the report while it is prepared, the approved version after).</summary>
public static class BoardDecisionColumns
{
    public static void Map<TOwner>(OwnedNavigationBuilder<TOwner, BoardDecision> d)
        where TOwner : class
    {
        ArgumentNullException.ThrowIfNull(d);
        d.Property(x => x.Body).HasColumnName("BoardBody").HasMaxLength(CouncilDecision.BodyMaxLength).IsRequired();
        d.Property(x => x.BodySv).HasColumnName("BoardBodySv").HasMaxLength(CouncilDecision.BodyMaxLength).IsRequired();
        d.Property(x => x.MeetingDate).HasColumnName("BoardMeetingDate");
        d.Property(x => x.Paragraph).HasColumnName("BoardParagraph").HasMaxLength(CouncilDecision.ParagraphMaxLength).IsRequired();
        d.Property(x => x.Proposal).HasColumnName("BoardProposal").HasMaxLength(BoardDecision.ProposalMaxLength).IsRequired();
        d.Property(x => x.MinutesUrl).HasColumnName("BoardMinutesUrl").HasMaxLength(CouncilDecision.MinutesUrlMaxLength);
        d.Property(x => x.Amendment).HasColumnName("BoardAmendment").HasMaxLength(CouncilDecision.AmendmentMaxLength);
    }
}

public sealed class SubmittedDocumentConfiguration : IEntityTypeConfiguration<SubmittedDocument>
{
    public void Configure(EntityTypeBuilder<SubmittedDocument> builder)
    {
        builder.ToTable("SubmittedDocuments");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Language).HasMaxLength(2).IsRequired();
        builder.Property(d => d.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(d => d.Content).IsRequired();
        builder.HasIndex(d => new { d.ReportId, d.VersionNumber, d.Stage });
        builder.HasIndex(d => d.OrganisationId);
        // What the board or the council read outlives nothing it depends on: the report cannot be deleted under it.
        builder.HasOne<WelfareReport>().WithMany().HasForeignKey(d => d.ReportId).OnDelete(DeleteBehavior.Restrict);
    }
}
