using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;

namespace PatientForum.Tests.Features.Seeding;

/// <summary>
/// The committed migrations of this run's provider describe the model the code has: a change to an entity without its
/// migration would otherwise surface only as a missing column on a member's first request.
/// </summary>
public sealed class MigrationTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    [Fact]
    public void Migrations_OfThisRunsProvider_MatchTheModelTheCodeHas()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {db.Database.ProviderName} model has changes no migration holds: add one for each provider (see 'A map of the folders' in the README).");
    }
}
