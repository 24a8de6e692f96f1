using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatientForum.Web.Data.Configurations;

internal sealed class PostRevisionConfiguration : IEntityTypeConfiguration<PostRevision>
{
    public void Configure(EntityTypeBuilder<PostRevision> builder)
    {
        builder.HasOne(r => r.Post).WithMany(p => p.Revisions).HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Editor).WithMany().HasForeignKey(r => r.EditorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.PostId, r.ReplacedAt });
    }
}
