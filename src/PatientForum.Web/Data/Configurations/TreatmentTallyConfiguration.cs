using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatientForum.Web.Data.Configurations;

internal sealed class TreatmentTallyConfiguration : IEntityTypeConfiguration<TreatmentTally>
{
    public void Configure(EntityTypeBuilder<TreatmentTally> builder)
    {
        builder.HasKey(t => t.RecordId);
        builder.Property(t => t.RecordId).ValueGeneratedNever();
        builder.Property(t => t.Counted).HasMaxLength(1000);

        // A thread's change finds its record's tally by thread, the record itself may be gone; a recount by treatment.
        builder.HasIndex(t => t.ThreadId);
        builder.HasIndex(t => t.TreatmentId);
    }
}
