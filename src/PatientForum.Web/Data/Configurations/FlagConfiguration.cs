using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatientForum.Web.Data.Configurations;

internal sealed class FlagConfiguration : IEntityTypeConfiguration<Flag>
{
    public void Configure(EntityTypeBuilder<Flag> builder)
    {
        builder.Property(f => f.Note).HasMaxLength(500);
        builder.HasOne(f => f.Post).WithMany().HasForeignKey(f => f.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.Flagger).WithMany().HasForeignKey(f => f.FlaggerId).OnDelete(DeleteBehavior.Restrict);

        // One open flag per member per post, enforced by the database as well as by the form.
        builder.HasIndex(f => new { f.PostId, f.FlaggerId }).IsUnique().HasFilter("\"IsOpen\"");
        builder.HasIndex(f => new { f.IsOpen, f.CreatedAt });
        builder.HasIndex(f => new { f.FlaggerId, f.CreatedAt });
    }
}
