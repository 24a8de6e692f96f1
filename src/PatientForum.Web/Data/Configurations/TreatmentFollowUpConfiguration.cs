using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatientForum.Web.Data.Configurations;

internal sealed class TreatmentFollowUpConfiguration : IEntityTypeConfiguration<TreatmentFollowUp>
{
    public void Configure(EntityTypeBuilder<TreatmentFollowUp> builder)
    {
        builder.Property(f => f.Note).HasMaxLength(1000);

        // One follow-up per reply; the thread page asks by post whether a reply is one.
        builder.HasIndex(f => f.PostId).IsUnique();
        builder.HasOne(f => f.Post).WithMany().HasForeignKey(f => f.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.RecordId);
    }
}
