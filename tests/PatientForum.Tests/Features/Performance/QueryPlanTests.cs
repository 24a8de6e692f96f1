using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;

namespace PatientForum.Tests.Features.Performance;

/// <summary>
/// The thread and topic pages' queries, as the app sends them, run through SQLite's EXPLAIN QUERY PLAN: each reaches
/// Posts and Threads through an index, so a page costs the same at 10,000 posts as at 1,000,000.
/// </summary>
public sealed class QueryPlanTests(QueryPlanTests.RecordingForum factory) : IClassFixture<QueryPlanTests.RecordingForum>
{
    /// <summary>A forum with the page cache off that records the SQL (with parameter values) of every query it reads with.</summary>
    public sealed class RecordingForum : ForumFactory
    {
        public CommandRecorder Commands { get; } = new();

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Forum:PageCacheEnabled"] = "false" };

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.ConfigureDbContext<SqliteForumDbContext>(options => options.AddInterceptors(Commands));
                services.ConfigureDbContext<PostgresForumDbContext>(options => options.AddInterceptors(Commands));
            });
        }
    }

    public sealed class CommandRecorder : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<(string Sql, (string Name, object? Value)[] Parameters)> _commands = new();

        public IReadOnlyList<(string Sql, (string Name, object? Value)[] Parameters)> Drain()
        {
            var list = new List<(string, (string, object?)[])>();
            while (_commands.TryDequeue(out var command))
            {
                list.Add(command);
            }
            return list;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            _commands.Enqueue((command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToArray()));
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    [SqliteFact]
    public async Task ThreadPage_ReadsPostsAndThreadsThroughIndexes()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var path = await Compose.StartThreadPathAsync(member, "rehab", "Plans for a long recovery", "Week one.");
        await Compose.ReplyAsync(member, path, "Week two: better.");

        var plans = await PlansOfPageAsync(path);

        AssertIndexed(plans, "Posts");
        AssertIndexed(plans, "Threads");
    }

    [SqliteFact]
    public async Task TopicPage_ReadsThreadsThroughAnIndex()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        await Compose.StartThreadPathAsync(member, "injections", "First injection, what to expect", "Nervous.");

        var plans = await PlansOfPageAsync("/t/injections?page=1");

        AssertIndexed(plans, "Threads");
    }

    /// <summary>
    /// A visitor's topic page must cost the same in a topic of a hundred threads as in one of a hundred thousand:
    /// it counts them from the index alone and reads the page's threads in index order, never sorting them all.
    /// </summary>
    [SqliteFact]
    public async Task TopicPage_ForVisitors_CountsFromTheIndexAndReadsThreadsInIndexOrder()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        await Compose.StartThreadPathAsync(member, "rehab", "Week three of physio", "Slow but steady.");

        var plans = await PlansOfPageAsync("/t/rehab");

        AssertIndexed(plans, "Threads");
        // Pinned threads, the handful moderators chose, may be sorted by their pin order; the rest never.
        AssertNeverSorted(plans.Where(p => !p.Sql.Contains("ORDER BY \"t\".\"PinOrder\"", StringComparison.Ordinal)).ToList(), "Threads");
        AssertCountsFromIndexOnly(plans, "Threads");
    }

    /// <summary>The home page's thread count and latest activity per topic come from the index alone.</summary>
    [SqliteFact]
    public async Task HomePage_CountsThreadsPerTopicFromTheIndexAlone()
    {
        var plans = await PlansOfPageAsync("/");

        AssertIndexed(plans, "Threads");
        AssertCountsFromIndexOnly(plans, "Threads");
    }

    [Fact]
    public async Task PageCacheDisabled_EveryVisitorRequestIsRenderedFromTheDatabase()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var path = await Compose.StartThreadPathAsync(member, "biologics", "Switching biologics", "Second one works.");
        var visitor = factory.CreateForumClient();
        await visitor.GetOkAsync(path);
        factory.Commands.Drain();

        var again = await visitor.GetOkAsync(path);

        Assert.Null(again.Response.Headers.Age);
        Assert.NotEmpty(factory.Commands.Drain());
    }

    /// <summary>Loads the page anonymously and returns the query plan of every query it made, with the SQL it belongs to.</summary>
    private async Task<List<(string Sql, string Plan)>> PlansOfPageAsync(string path)
    {
        factory.Commands.Drain();
        await factory.CreateForumClient().GetOkAsync(path);
        var plans = new List<(string, string)>();
        using var connection = (SqliteConnection)factory.Database.Open();
        foreach (var (sql, parameters) in factory.Commands.Drain())
        {
            using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (var (name, value) in parameters)
            {
                explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }
            using var reader = explain.ExecuteReader();
            var lines = new List<string>();
            while (reader.Read())
            {
                lines.Add(reader.GetString(3));
            }
            plans.Add((sql, string.Join("\n", lines)));
        }
        Assert.NotEmpty(plans);
        return plans;
    }

    /// <summary>No query that reads <paramref name="table"/> sorts its rows in a temporary B-tree.</summary>
    private static void AssertNeverSorted(List<(string Sql, string Plan)> plans, string table)
    {
        foreach (var (sql, plan, _) in Reading(plans, table))
        {
            Assert.False(plan.Contains("USE TEMP B-TREE", StringComparison.Ordinal), $"{table} rows are sorted in:\n{sql}\nPlan:\n{plan}");
        }
    }

    /// <summary>Every query that counts <paramref name="table"/>'s rows (or takes their latest) reads only an index ("COVERING INDEX").</summary>
    private static void AssertCountsFromIndexOnly(List<(string Sql, string Plan)> plans, string table)
    {
        var counting = Reading(plans, table).Where(p => p.Sql.Contains("COUNT(", StringComparison.Ordinal) || p.Sql.Contains("MAX(", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(counting);
        foreach (var (sql, plan, aliases) in counting)
        {
            var lookups = plan.Split('\n').Where(line => aliases.Any(alias => line.StartsWith($"SEARCH {alias} ", StringComparison.Ordinal))).ToList();
            Assert.NotEmpty(lookups);
            Assert.True(lookups.All(line => line.Contains("COVERING INDEX", StringComparison.Ordinal)),
                $"{table} rows are read, not just the index, in:\n{sql}\nPlan:\n{plan}");
        }
    }

    private static List<(string Sql, string Plan, List<string> Aliases)> Reading(List<(string Sql, string Plan)> plans, string table) =>
        plans
            .Select(p => (p.Sql, p.Plan, Aliases: Regex.Matches(p.Sql, $@"""{table}"" AS ""(\w+)""", RegexOptions.None, TimeSpan.FromSeconds(1)).Select(m => m.Groups[1].Value).ToList()))
            .Where(p => p.Aliases.Count > 0)
            .ToList();

    /// <summary>
    /// Every query that reads <paramref name="table"/> looks its rows up in an index ("SEARCH alias USING INDEX"):
    /// SQLite reports reading a whole table, or the whole of one of its indexes, as "SCAN alias" (a SCAN of a
    /// subquery's alias only reads the page of rows the subquery produced).
    /// </summary>
    private static void AssertIndexed(List<(string Sql, string Plan)> plans, string table)
    {
        var reading = Reading(plans, table);
        Assert.NotEmpty(reading);
        foreach (var (sql, plan, aliases) in reading)
        {
            var fullScans = plan.Split('\n')
                .Where(line => aliases.Any(alias => line == $"SCAN {alias}" || line.StartsWith($"SCAN {alias} ", StringComparison.Ordinal)))
                .ToList();
            Assert.True(fullScans.Count == 0, $"A scan of all of {table} ({string.Join("; ", fullScans)}) in:\n{sql}\nPlan:\n{plan}");
        }
    }
}
