using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatientForum.Web.Data.Configurations;

internal sealed class ThreadWatchConfiguration : IEntityTypeConfiguration<ThreadWatch>
{
    public void Configure(EntityTypeBuilder<ThreadWatch> builder)
    {
        builder.HasKey(w => new { w.UserId, w.ThreadId });
        builder.HasOne<ForumUser>().WithMany().HasForeignKey(w => w.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ForumThread>().WithMany().HasForeignKey(w => w.ThreadId).OnDelete(DeleteBehavior.Cascade);

        // The fan-out reads a thread's watchers.
        builder.HasIndex(w => new { w.ThreadId, w.Level });
    }
}
