using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatientForum.Web.Features.ContentWarnings;

namespace PatientForum.Web.Data.Configurations;

internal sealed class ForumUserConfiguration : IEntityTypeConfiguration<ForumUser>
{
    public void Configure(EntityTypeBuilder<ForumUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(40);
        builder.Property(u => u.NormalizedDisplayName).HasMaxLength(40);
        builder.HasIndex(u => u.NormalizedDisplayName).IsUnique();
        builder.Property(u => u.ShownContentWarnings).HasMaxLength(ContentWarningLimits.StoredMax);
    }
}
