using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatientForum.Web.Data.Configurations;

internal sealed class TreatmentRecordConfiguration : IEntityTypeConfiguration<TreatmentRecord>
{
    public void Configure(EntityTypeBuilder<TreatmentRecord> builder)
    {
        builder.Property(r => r.OtherTreatment).HasMaxLength(200);
        builder.Property(r => r.OtherSideEffects).HasMaxLength(300);

        // One record per thread; a thread that goes takes its record with it.
        builder.HasIndex(r => r.ThreadId).IsUnique();
        builder.HasOne(r => r.Thread).WithMany().HasForeignKey(r => r.ThreadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Treatment).WithMany().HasForeignKey(r => r.TreatmentId).OnDelete(DeleteBehavior.Restrict);

        // Counting a treatment's charts reads its records by treatment.
        builder.HasIndex(r => new { r.TreatmentId, r.BodyArea });
        builder.HasMany(r => r.FollowUps).WithOne().HasForeignKey(f => f.RecordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany<TreatmentPrompt>().WithOne().HasForeignKey(p => p.RecordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Revisions).WithOne().HasForeignKey(v => v.RecordId).OnDelete(DeleteBehavior.Cascade);
    }
}
