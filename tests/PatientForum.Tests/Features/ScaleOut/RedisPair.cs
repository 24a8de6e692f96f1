using System.Net;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.ScaleOut;

/// <summary>
/// Two in-process instances of the forum, A and B, on one database and one Redis (FORUM_TEST_REDIS, by default
/// 127.0.0.1:6380), under a Redis prefix of their own so that no other test's keys or channels reach them.
/// Each instance keeps its own mail folder, so <see cref="ForumFactory.Mail"/> reads what that instance sent.
/// </summary>
public class RedisPair : IDisposable
{
    public RedisPair()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <param name="extraSettings">Settings for both instances, on top of the shared database and Redis.</param>
    /// <param name="clock">One clock for both instances, e.g. a FakeTimeProvider a test moves; the system's by default.</param>
    protected RedisPair(IDictionary<string, string?> extraSettings, TimeProvider? clock = null)
    {
        DataDirectory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "patientforum-tests", Guid.NewGuid().ToString("N"))).FullName;
        Database = TestDatabase.Create(DataDirectory);
        Settings = new Dictionary<string, string?>(extraSettings)
        {
            ["Forum:DataDirectory"] = DataDirectory,
            ["Forum:Redis"] = TestDatabase.RedisServer,
            ["Forum:RedisPrefix"] = "pf-test-" + Guid.NewGuid().ToString("N"),
        };
        A = new Instance(this) { Clock = clock };
        B = new Instance(this) { Clock = clock };

        // One after the other, as on SQLite the second start must find the database migrated and seeded.
        _ = A.Server;
        _ = B.Server;
    }

    public string DataDirectory { get; }

    public TestDatabase Database { get; }

    public IReadOnlyDictionary<string, string?> Settings { get; }

    public Instance A { get; }

    public Instance B { get; }

    /// <summary>The member's session (their cookies) on the other instance, as a round-robin proxy would send them.</summary>
    public static Member On(Member member, ForumFactory instance)
    {
        var address = new Uri("http://localhost/");
        var cookies = new CookieContainer();
        foreach (var pair in member.Client.CookieHeader.Split("; ", StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            cookies.Add(address, new Cookie(pair[..equals], pair[(equals + 1)..]));
        }
        return member with { Client = instance.CreateForumClient(cookies) };
    }

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
        GC.SuppressFinalize(this);
    }

    public sealed class Instance(RedisPair pair) : ForumFactory(pair.Database)
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(pair.Settings)
        {
            ["Forum:Smtp:PickupDirectory"] = MailPickupDirectory,
        };
    }
}
