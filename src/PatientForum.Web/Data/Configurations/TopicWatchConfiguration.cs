using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatientForum.Web.Data.Configurations;

internal sealed class TopicWatchConfiguration : IEntityTypeConfiguration<TopicWatch>
{
    public void Configure(EntityTypeBuilder<TopicWatch> builder)
    {
        builder.HasKey(w => new { w.UserId, w.TopicId });
        builder.HasOne<ForumUser>().WithMany().HasForeignKey(w => w.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Topic>().WithMany().HasForeignKey(w => w.TopicId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(w => w.TopicId);
    }
}
