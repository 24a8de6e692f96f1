using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;

namespace PatientForum.Tests.Features.Seeding;

/// <summary>
/// The committed migrations of this run's provider describe the model the code has: a change to an entity without its
/// migration would otherwise surface only as a missing column on a member's first request.
/// </summary>
public sealed partial class MigrationTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    [Fact]
    public void Migrations_OfThisRunsProvider_MatchTheModelTheCodeHas()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {db.Database.ProviderName} model has changes no migration holds: add one for each provider (see 'A map of the folders' in the README).");
    }

    /// <summary>
    /// The forum runs on the compiled model in Data/CompiledModels (it spares every start building the model); a change
    /// to an entity or its configuration without <c>dotnet ef dbcontext optimize</c> run again would leave the forum on
    /// the old model. The model the code builds, made ready for run time, must read the same as the compiled one.
    /// </summary>
    [Fact]
    public async Task CompiledModel_OfThisRunsProvider_IsTheModelTheCodeBuilds()
    {
        // A search runs raw SQL, which adds its row types to the compiled model: the comparison must hold after that too.
        using var visitor = factory.CreateForumClient();
        await visitor.GetOkAsync("/search?q=knee");

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        var compiled = db.Model;
        var built = db.GetService<IModelRuntimeInitializer>().Initialize(db.GetService<IDesignTimeModel>().Model, designTime: false);

        Assert.NotSame(built, compiled);
        Assert.Equal(Described(built), Described(compiled));
    }

    /// <summary>
    /// The model's full description, less the ad-hoc entity types a running forum adds to the one compiled model it
    /// shares between its instances (the result types of raw SQL queries, added as the queries first run).
    /// </summary>
    private static string Described(IModel model) =>
        AdHocEntityTypes().Replace(model.ToDebugString(MetadataDebugStringOptions.LongDefault), "");

    [GeneratedRegex(@"\n  Ad-hoc entity types:.*?(?=\nAnnotations:)", RegexOptions.Singleline)]
    private static partial Regex AdHocEntityTypes();
}
