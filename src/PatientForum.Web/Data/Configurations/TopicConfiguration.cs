using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatientForum.Web.Data.Configurations;

internal sealed class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> builder)
    {
        builder.Property(t => t.Slug).HasMaxLength(80);
        builder.Property(t => t.Name).HasMaxLength(80);
        builder.Property(t => t.Description).HasMaxLength(500);
        builder.HasIndex(t => t.Slug).IsUnique();
    }
}
