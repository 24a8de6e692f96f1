using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.ScaleOut;

/// <summary>
/// The forum to copy from: always on its SQLite file (<c>forum.db</c> in its data folder), also on the PostgreSQL run
/// of the suite, because <c>db copy --to-postgres</c> reads SQLite only.
/// </summary>
/// <remarks>
/// The copy concerns the database alone, so these forums leave Redis out (as a single instance does): shutting down
/// an in-process forum that uses Redis sometimes fails when the shared connection is disposed before SignalR's
/// Redis backplane unsubscribes, which is not what these tests are about.
/// </remarks>
public sealed class SqliteSourceForum : ForumFactory
{
    /// <summary>The settings, as environment variables, that put a command-line run on this forum's SQLite file.</summary>
    public static IReadOnlyDictionary<string, string> CommandLineSettings { get; } = new Dictionary<string, string>
    {
        ["Forum__Database__Provider"] = "Sqlite",
        ["ConnectionStrings__Forum"] = "",
    };

    public string SqliteFile => Path.Combine(DataDirectory, "forum.db");

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Forum:Database:Provider"] = "Sqlite",
        ["ConnectionStrings:Forum"] = "",
        ["Forum:Redis"] = "",
    };
}

/// <summary>
/// A forum started on the PostgreSQL database that <paramref name="database"/> names (provider and connection string
/// come from its settings); the caller owns and drops the database.
/// </summary>
public sealed class PostgresTargetForum(TestDatabase database) : ForumFactory(database)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Forum:Redis"] = "" };
}
