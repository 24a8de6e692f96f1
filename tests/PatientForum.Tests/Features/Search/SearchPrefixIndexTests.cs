using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;
using static PatientForum.Tests.Features.Search.Searching;

namespace PatientForum.Tests.Features.Search;

/// <summary>
/// SQLite's full-text table keeps an index of 3- and 4-character prefixes, so a prefix search reads one index entry
/// instead of merging every word that starts with it. A database made before the index existed gets it at start.
/// </summary>
public sealed class SearchPrefixIndexTests
{
    /// <summary>The last migration before the prefix index.</summary>
    private const string BeforePrefixIndex = "20261202063558_CommandLineAuditActor";

    [SqliteFact]
    public async Task Start_OnADatabaseMadeBeforeThePrefixIndex_AddsIt_AndKeepsEveryPostSearchable()
    {
        var folder = Path.Combine(Path.GetTempPath(), "patientforum-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        using var database = TestDatabase.Create(folder);
        var word = RareWord();
        try
        {
            using (var before = new ForumOnFolder(database, folder))
            {
                var member = await Members.RegisterConfirmedAsync(before);
                await Compose.StartThreadPathAsync(member, "rehab", "Written before the upgrade", $"Indexed as it was: {word}.");
                await MigrateToAsync(before, BeforePrefixIndex);
                Assert.DoesNotContain("prefix", await PostSearchSqlAsync(database), StringComparison.OrdinalIgnoreCase);
            }

            using var after = new ForumOnFolder(database, folder);
            Assert.Equal(["Written before the upgrade"], (await VisitorHitsAsync(after, word[..5] + "*")).Select(Title));

            Assert.Contains("prefix = '3 4'", await PostSearchSqlAsync(database), StringComparison.Ordinal);
        }
        finally
        {
            TryDelete(folder);
        }
    }

    private static async Task MigrateToAsync(ForumFactory forum, string migration)
    {
        using var scope = forum.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        await db.GetService<IMigrator>().MigrateAsync(migration);
    }

    private static Task<string> PostSearchSqlAsync(TestDatabase database) =>
        database.ScalarAsync<string>("SELECT sql FROM sqlite_master WHERE name = 'PostSearch'");

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
        }
    }

    /// <summary>A forum on the SQLite file in <paramref name="folder"/>, which outlives it.</summary>
    private sealed class ForumOnFolder(TestDatabase database, string folder) : ForumFactory(database)
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Forum:DataDirectory"] = folder,
            ["Forum:Smtp:PickupDirectory"] = MailPickupDirectory,
        };
    }
}
