using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Valfard.Infrastructure.Mail;

namespace Valfard.Infrastructure.Persistence.Configurations;

public sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> builder)
    {
        builder.ToTable("OutgoingMail");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Recipient).HasMaxLength(OutgoingMail.RecipientMaxLength);
        builder.Property(m => m.Language).HasMaxLength(OutgoingMail.LanguageMaxLength);
        builder.Property(m => m.LastError).HasMaxLength(OutgoingMail.ErrorMaxLength);
        builder.Property(m => m.Sender).HasMaxLength(OutgoingMail.SenderMaxLength);
        // A digest lists a day of notifications; a notice or a message about an indicator stays within MessageMaxLength.
        builder.Property(m => m.Message).HasMaxLength(OutgoingMail.DigestMaxLength);
        builder.Property(m => m.NoticeKind).HasMaxLength(OutgoingMail.NoticeKindMaxLength);
        builder.Property(m => m.Link).HasMaxLength(OutgoingMail.LinkMaxLength);
        builder.HasIndex(m => m.GaveUpAt);
    }
}
