using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatientForum.Web.Features.ContentWarnings;

namespace PatientForum.Web.Data.Configurations;

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> builder)
    {
        builder.HasOne(p => p.Thread).WithMany(t => t.Posts).HasForeignKey(p => p.ThreadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Author).WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.Restrict);

        // The thread page reads posts in (CreatedAt, Id) order, a stable order for pagination.
        builder.HasIndex(p => new { p.ThreadId, p.CreatedAt, p.Id });
        builder.HasIndex(p => new { p.AuthorId, p.SubmissionToken }).IsUnique();
        builder.Property(p => p.ContentWarnings).HasMaxLength(ContentWarningLimits.StoredMax);
        builder.Property(p => p.ModeratorContentWarnings).HasMaxLength(ContentWarningLimits.StoredMax);
        builder.Property(p => p.ModeratorNote).HasMaxLength(ModeratorNoteRules.TextMaxUnits);
        builder.Property(p => p.ModeratorNoteUrl).HasMaxLength(ModeratorNoteRules.UrlMax);

        // Kind names only ("PhoneNumber,EmailAddress"): seven kinds fit with room to spare.
        builder.Property(p => p.PostedAnywayKinds).HasMaxLength(200);
    }
}
