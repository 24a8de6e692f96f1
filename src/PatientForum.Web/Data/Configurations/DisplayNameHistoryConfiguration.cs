using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatientForum.Web.Data.Configurations;

internal sealed class DisplayNameHistoryConfiguration : IEntityTypeConfiguration<DisplayNameHistory>
{
    public void Configure(EntityTypeBuilder<DisplayNameHistory> builder)
    {
        builder.ToTable("DisplayNameHistory");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.OldName).HasMaxLength(40);
        builder.Property(h => h.OldNormalized).HasMaxLength(40);
        builder.Property(h => h.NewName).HasMaxLength(40);
        builder.HasOne<ForumUser>().WithMany().HasForeignKey(h => h.UserId).OnDelete(DeleteBehavior.Cascade);

        // Registration and renames look up reservations by name; the rename limit counts a member's recent changes.
        builder.HasIndex(h => h.OldNormalized);
        builder.HasIndex(h => new { h.UserId, h.ChangedAt });
    }
}
