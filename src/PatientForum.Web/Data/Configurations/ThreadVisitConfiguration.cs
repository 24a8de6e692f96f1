using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatientForum.Web.Data.Configurations;

internal sealed class ThreadVisitConfiguration : IEntityTypeConfiguration<ThreadVisit>
{
    public void Configure(EntityTypeBuilder<ThreadVisit> builder)
    {
        builder.HasKey(v => new { v.UserId, v.ThreadId });
        builder.HasOne<ForumUser>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ForumThread>().WithMany().HasForeignKey(v => v.ThreadId).OnDelete(DeleteBehavior.Cascade);
    }
}
