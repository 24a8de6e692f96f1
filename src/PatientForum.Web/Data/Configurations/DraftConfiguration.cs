using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatientForum.Web.Features.ContentWarnings;

namespace PatientForum.Web.Data.Configurations;

internal sealed class DraftConfiguration : IEntityTypeConfiguration<Draft>
{
    public void Configure(EntityTypeBuilder<Draft> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.ContentWarnings).HasMaxLength(ContentWarningLimits.StoredMax);
        builder.HasOne<ForumUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);

        // One draft per member and composer; the cleanup reads by age.
        builder.HasIndex(d => new { d.UserId, d.Kind, d.TargetId }).IsUnique();
        builder.HasIndex(d => d.UpdatedAt);
    }
}
