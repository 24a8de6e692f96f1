using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatientForum.Web.Data.Configurations;

internal sealed class RemovedContentConfiguration : IEntityTypeConfiguration<RemovedContent>
{
    public void Configure(EntityTypeBuilder<RemovedContent> builder) => builder.HasKey(r => new { r.Kind, r.ContentId });
}
