using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatientForum.Web.Data.Configurations;

internal sealed class TopicSlugRedirectConfiguration : IEntityTypeConfiguration<TopicSlugRedirect>
{
    public void Configure(EntityTypeBuilder<TopicSlugRedirect> builder)
    {
        builder.Property(r => r.Slug).HasMaxLength(80);
        builder.HasIndex(r => r.Slug).IsUnique();
        builder.HasOne(r => r.Topic).WithMany(t => t.FormerSlugs).HasForeignKey(r => r.TopicId).OnDelete(DeleteBehavior.Cascade);
    }
}
