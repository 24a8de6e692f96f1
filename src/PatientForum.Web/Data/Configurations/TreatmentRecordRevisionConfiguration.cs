using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatientForum.Web.Data.Configurations;

internal sealed class TreatmentRecordRevisionConfiguration : IEntityTypeConfiguration<TreatmentRecordRevision>
{
    public void Configure(EntityTypeBuilder<TreatmentRecordRevision> builder)
    {
        builder.Property(r => r.Snapshot).HasMaxLength(2000);
        builder.HasIndex(r => r.RecordId);
    }
}
