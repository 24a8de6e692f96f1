using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatientForum.Web.Data.Configurations;

internal sealed class TreatmentPromptConfiguration : IEntityTypeConfiguration<TreatmentPrompt>
{
    public void Configure(EntityTypeBuilder<TreatmentPrompt> builder) =>
        // The claim: one row per record and prompt, whichever instance inserts it first.
        builder.HasIndex(p => new { p.RecordId, p.DaysAfter }).IsUnique();
}
