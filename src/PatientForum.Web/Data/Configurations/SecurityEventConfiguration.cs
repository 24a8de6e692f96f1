using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatientForum.Web.Data.Configurations;

internal sealed class SecurityEventConfiguration : IEntityTypeConfiguration<SecurityEvent>
{
    public void Configure(EntityTypeBuilder<SecurityEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Client).HasMaxLength(SecurityEvent.ClientMaxLength);
        builder.HasOne<ForumUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);

        // The member's list reads newest first; the cleanup reads by age.
        builder.HasIndex(e => new { e.UserId, e.At });
        builder.HasIndex(e => e.At);
    }
}
