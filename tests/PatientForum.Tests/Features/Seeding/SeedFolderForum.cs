using Microsoft.Data.Sqlite;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Seeding;

/// <summary>
/// A forum installation whose data folder and seed folder (a private copy of seed/) outlive any one start, so a
/// test can edit the seed files and restart the forum on the same database.
/// </summary>
public sealed class SeedFolderForum : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "patientforum-tests", "seeding-" + Guid.NewGuid().ToString("N"));

    public SeedFolderForum()
    {
        Directory.CreateDirectory(DataDirectory);
        CopyFolder(GuideSeedFiles.DefaultSeedDirectory, SeedDirectory);
        Database = TestDatabase.Create(DataDirectory);
    }

    /// <summary>The database every start of this installation uses.</summary>
    public TestDatabase Database { get; }

    public string DataDirectory => Path.Combine(_root, "data");

    public string SeedDirectory => Path.Combine(_root, "seed");

    /// <summary>The guide file in this installation's seed copy whose front matter has <paramref name="slug"/>.</summary>
    internal GuideSeedFile GuidePart(string slug) => GuideSeedFiles.Read(SeedDirectory).Single(f => f.Slug == slug);

    /// <summary>
    /// A new start of the forum on this installation. Dispose the previous one first: a restart is a new process,
    /// and two apps seeding one file at once is not what is under test.
    /// </summary>
    public Instance Start() => new(this);

    public void Dispose()
    {
        // Pooled connections would keep the database file open after the last start.
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(DataDirectory, "forum.db")}"))
        {
            SqliteConnection.ClearPool(connection);
        }
        Database.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort, as in ForumFactory: the temp folder is cleaned by the OS.
        }
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
        foreach (var folder in Directory.GetDirectories(from))
        {
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }

    /// <summary>
    /// One start. The base factory's own DataDirectory only keeps this start's mail, so that
    /// <see cref="ForumFactory.Mail"/> reads what this start sent.
    /// </summary>
    public sealed class Instance(SeedFolderForum installation) : ForumFactory(installation.Database)
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Forum:DataDirectory"] = installation.DataDirectory,
            ["Forum:SeedDirectory"] = installation.SeedDirectory,
            ["Forum:Smtp:PickupDirectory"] = MailPickupDirectory,
        };
    }
}
