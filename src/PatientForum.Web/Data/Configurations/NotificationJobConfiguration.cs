using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatientForum.Web.Data.Configurations;

internal sealed class NotificationJobConfiguration : IEntityTypeConfiguration<NotificationJob>
{
    public void Configure(EntityTypeBuilder<NotificationJob> builder)
    {
        builder.HasOne(j => j.Post).WithMany().HasForeignKey(j => j.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(j => j.ClaimedUntil);
    }
}
