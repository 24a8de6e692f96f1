using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatientForum.Web.Data.Configurations;

internal sealed class MemberExportConfiguration : IEntityTypeConfiguration<MemberExport>
{
    public void Configure(EntityTypeBuilder<MemberExport> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasOne<ForumUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ForumUser>().WithMany().HasForeignKey(e => e.RequestedById).OnDelete(DeleteBehavior.SetNull);
        builder.Property(e => e.FileName).HasMaxLength(100);

        // The page shows a member's latest; the worker reads the queue and the expired.
        builder.HasIndex(e => new { e.UserId, e.RequestedAt });
        builder.HasIndex(e => new { e.State, e.ExpiresAt });
    }
}
