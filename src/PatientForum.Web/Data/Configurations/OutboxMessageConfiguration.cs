using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatientForum.Web.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.MessageId).HasMaxLength(200);
        builder.Property(m => m.To).HasMaxLength(320);
        builder.Property(m => m.ReplyTo).HasMaxLength(320);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.Property(m => m.UnsubscribeUrl).HasMaxLength(2000);
        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasOne<ContactSubmission>().WithMany(c => c.Deliveries).HasForeignKey(m => m.ContactSubmissionId).OnDelete(DeleteBehavior.Restrict);
    }
}
