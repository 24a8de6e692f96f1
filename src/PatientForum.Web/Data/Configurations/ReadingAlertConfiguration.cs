using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatientForum.Web.Data.Configurations;

internal sealed class ReadingAlertConfiguration : IEntityTypeConfiguration<ReadingAlert>
{
    public void Configure(EntityTypeBuilder<ReadingAlert> builder)
    {
        builder.HasOne(a => a.User).WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);

        // One report per account and window, whichever instance noticed it first.
        builder.HasIndex(a => new { a.UserId, a.WindowStart }).IsUnique();
        builder.HasIndex(a => a.CreatedAt);
    }
}
