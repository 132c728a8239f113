using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Valfard.Domain.Negotiations;
using Valfard.Domain.Organisations;
using Valfard.Domain.Plans;
using Valfard.Infrastructure.Identity;

namespace Valfard.Infrastructure.Persistence.Configurations;

// A negotiation's rows (agenda, participants, agreements, follow-ups) cascade from it and are only loaded through it.
// The follow-up's second way to an agreement (the earlier negotiation's) is Restrict: SQL Server refuses two cascade
// paths, and an approved record, whose agreements a later one follows up, is never removed. The plan goals an
// agreement is carried by are another organisation's: no foreign key, so neither side's plan is tied to the other.

public sealed class NegotiationConfiguration : IEntityTypeConfiguration<Negotiation>
{
    public void Configure(EntityTypeBuilder<Negotiation> builder)
    {
        builder.ToTable("Negotiations");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Place).HasMaxLength(NegotiationLimits.PlaceMaxLength).IsRequired();
        builder.Property(n => n.Summary).HasMaxLength(NegotiationLimits.TextMaxLength).IsRequired();
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(n => n.OrderedAgenda);
        builder.Ignore(n => n.OrderedAgreements);
        builder.Ignore(n => n.IsApproved);
        // One negotiation per county, member and year.
        builder.HasIndex(n => new { n.OrganisationId, n.MunicipalityId, n.Year }).IsUnique();
        builder.HasIndex(n => n.MunicipalityId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(n => n.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(n => n.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(n => n.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(n => n.Agenda).WithOne().HasForeignKey(i => i.NegotiationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(n => n.Agenda).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(n => n.Participants).WithOne().HasForeignKey(p => p.NegotiationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(n => n.Participants).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(n => n.Agreements).WithOne().HasForeignKey(a => a.NegotiationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(n => n.Agreements).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(n => n.FollowUps).WithOne().HasForeignKey(f => f.NegotiationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(n => n.FollowUps).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.ToTable("NegotiationAgendaItems");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Side).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Title).HasMaxLength(NegotiationLimits.TitleMaxLength).IsRequired();
        builder.Property(i => i.Details).HasMaxLength(NegotiationLimits.TextMaxLength).IsRequired();
        builder.Property(i => i.Link).HasMaxLength(NegotiationLimits.LinkMaxLength).IsRequired();
    }
}

public sealed class NegotiationParticipantConfiguration : IEntityTypeConfiguration<NegotiationParticipant>
{
    public void Configure(EntityTypeBuilder<NegotiationParticipant> builder)
    {
        builder.ToTable("NegotiationParticipants");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Side).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Name).HasMaxLength(NegotiationLimits.NameMaxLength).IsRequired();
        builder.Property(p => p.Role).HasMaxLength(NegotiationLimits.NameMaxLength).IsRequired();
    }
}

public sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> builder)
    {
        builder.ToTable("NegotiationAgreements");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.TitleFi).HasMaxLength(NegotiationLimits.TitleMaxLength).IsRequired();
        builder.Property(a => a.TitleSv).HasMaxLength(NegotiationLimits.TitleMaxLength).IsRequired();
        builder.Property(a => a.Responsible).HasMaxLength(NegotiationLimits.ResponsibleMaxLength).IsRequired();
        builder.Property(a => a.MunicipalityGoalCode).HasMaxLength(PlanLimits.CodeMaxLength).IsRequired();
        builder.Property(a => a.CountyGoalCode).HasMaxLength(PlanLimits.CodeMaxLength).IsRequired();
        builder.HasIndex(a => a.MunicipalityGoalId);
        builder.HasIndex(a => a.CountyGoalId);
    }
}

public sealed class AgreementFollowUpConfiguration : IEntityTypeConfiguration<AgreementFollowUp>
{
    public void Configure(EntityTypeBuilder<AgreementFollowUp> builder)
    {
        builder.ToTable("NegotiationFollowUps");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Progress).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Note).HasMaxLength(NegotiationLimits.NoteMaxLength).IsRequired();
        builder.HasIndex(f => new { f.NegotiationId, f.AgreementId }).IsUnique();
        builder.HasOne<Agreement>().WithMany().HasForeignKey(f => f.AgreementId).OnDelete(DeleteBehavior.Restrict);
    }
}
