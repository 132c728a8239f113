using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Valfard.Domain.Organisations;

namespace Valfard.Infrastructure.Persistence.Configurations;

public sealed class CouncilTermConfiguration : IEntityTypeConfiguration<CouncilTerm>
{
    public void Configure(EntityTypeBuilder<CouncilTerm> builder)
    {
        builder.ToTable("CouncilTerms");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.HasIndex(t => t.StartDate).IsUnique();
        builder.Ignore(t => t.Label);
        builder.Ignore(t => t.Years);
    }
}
