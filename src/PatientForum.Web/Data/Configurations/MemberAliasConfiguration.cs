using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatientForum.Web.Data.Configurations;

internal sealed class MemberAliasConfiguration : IEntityTypeConfiguration<MemberAlias>
{
    public void Configure(EntityTypeBuilder<MemberAlias> builder)
    {
        builder.HasIndex(a => a.Number).IsUnique();
        builder.HasIndex(a => a.AliasUserId).IsUnique();

        // One alias per member and topic; a deleted owner's aliases (OwnerId null) do not collide.
        builder.HasIndex(a => new { a.OwnerId, a.TopicId }).IsUnique();
        builder.HasOne<ForumUser>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(a => a.AliasUser).WithMany().HasForeignKey(a => a.AliasUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Topic>().WithMany().HasForeignKey(a => a.TopicId).OnDelete(DeleteBehavior.Restrict);
    }
}
