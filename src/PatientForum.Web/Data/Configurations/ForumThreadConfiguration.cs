using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatientForum.Web.Data.Configurations;

internal sealed class ForumThreadConfiguration : IEntityTypeConfiguration<ForumThread>
{
    public void Configure(EntityTypeBuilder<ForumThread> builder)
    {
        builder.ToTable("Threads");
        builder.Property(t => t.Slug).HasMaxLength(100);
        builder.Property(t => t.SeedKey).HasMaxLength(100);
        builder.Property(t => t.SeedHash).HasMaxLength(64);
        builder.HasOne(t => t.Topic).WithMany(t => t.Threads).HasForeignKey(t => t.TopicId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.Author).WithMany().HasForeignKey(t => t.AuthorId).OnDelete(DeleteBehavior.Restrict);

        // The topic page as members see it (pinned first, then newest activity, read in index order) and the home
        // page's count and latest activity per topic, read from the index alone; the second index is the same for
        // visitors, who read public threads only.
        builder.HasIndex(t => new { t.TopicId, t.IsHidden, t.IsPinned, t.LastActivityAt });
        builder.HasIndex(t => new { t.TopicId, t.IsHidden, t.Audience, t.IsPinned, t.LastActivityAt });
        builder.HasIndex(t => t.SeedKey).IsUnique();
    }
}
