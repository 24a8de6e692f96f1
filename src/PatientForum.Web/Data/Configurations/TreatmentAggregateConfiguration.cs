using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatientForum.Web.Data.Configurations;

internal sealed class TreatmentAggregateConfiguration : IEntityTypeConfiguration<TreatmentAggregate>
{
    public void Configure(EntityTypeBuilder<TreatmentAggregate> builder)
    {
        builder.Property(a => a.PainBefore).HasMaxLength(200);
        builder.Property(a => a.PainAfter).HasMaxLength(200);
        builder.Property(a => a.Relief).HasMaxLength(200);
        builder.Property(a => a.SideEffects).HasMaxLength(200);
        builder.Property(a => a.FollowUpPain).HasMaxLength(1000);
        builder.HasIndex(a => new { a.TreatmentId, a.BodyArea, a.Scope }).IsUnique();
        builder.HasOne<Treatment>().WithMany().HasForeignKey(a => a.TreatmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
