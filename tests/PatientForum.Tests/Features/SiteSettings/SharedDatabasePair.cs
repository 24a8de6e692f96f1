using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.SiteSettings;

/// <summary>
/// Two in-process instances on one database and no Redis, as a forum scaled out without it: B runs on the clock the
/// test gives, so the test decides when B polls the saved settings.
/// </summary>
public sealed class SharedDatabasePair : IDisposable
{
    public const int PollSeconds = 30;

    public SharedDatabasePair(TimeProvider clockOfB)
    {
        DataDirectory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "patientforum-tests", Guid.NewGuid().ToString("N"))).FullName;
        Database = TestDatabase.Create(DataDirectory);
        A = new Instance(this);
        B = new Instance(this) { Clock = clockOfB };

        // One after the other, as on SQLite the second start must find the database migrated and seeded.
        _ = A.Server;
        _ = B.Server;
    }

    public string DataDirectory { get; }

    public TestDatabase Database { get; }

    public Instance A { get; }

    public Instance B { get; }

    public void Dispose()
    {
        A.Dispose();
        B.Dispose();
        Database.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
        }
    }

    public sealed class Instance(SharedDatabasePair pair) : ForumFactory(pair.Database)
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Forum:DataDirectory"] = pair.DataDirectory,

            // No Redis, whatever the pass: the poll is under test.
            ["Forum:Redis"] = "",
            ["Forum:Smtp:PickupDirectory"] = MailPickupDirectory,
            ["Forum:SiteSettings:PollSeconds"] = PollSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
