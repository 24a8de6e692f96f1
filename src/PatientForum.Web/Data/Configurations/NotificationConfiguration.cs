using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatientForum.Web.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.RecipientId).HasMaxLength(450);
        builder.Property(n => n.Reason).HasMaxLength(500);
        builder.HasOne<ForumUser>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(n => n.Actor).WithMany().HasForeignKey(n => n.ActorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(n => n.Post).WithMany().HasForeignKey(n => n.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(n => n.Thread).WithMany().HasForeignKey(n => n.ThreadId).OnDelete(DeleteBehavior.Cascade);

        // A job that runs twice (after a crash) notifies each member of a post once.
        builder.HasIndex(n => new { n.RecipientId, n.PostId, n.Kind }).IsUnique();

        // The bell's count and the list: a member's unread rows, newest first.
        builder.HasIndex(n => new { n.RecipientId, n.ReadAt, n.CreatedAt });

        // The mailer's look for notifications that are unread and not yet mailed.
        builder.HasIndex(n => new { n.MailedAt, n.ReadAt, n.CreatedAt });

        // Withdrawing a hidden post's notifications.
        builder.HasIndex(n => n.PostId);
    }
}
