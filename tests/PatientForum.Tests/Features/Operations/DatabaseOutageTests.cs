using System.Net;
using Microsoft.Data.Sqlite;
using Npgsql;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Operations;

/// <summary>
/// Ready is unhealthy while the database cannot be reached, and healthy again once it can: on SQLite a database file
/// that cannot be opened (a folder stands in its place, which stops root as well as anyone), on PostgreSQL a database
/// that refuses connections.
/// </summary>
public sealed class DatabaseOutageTests
{
    [SqliteFact]
    public async Task Ready_WhileTheSqliteFileCannotBeOpened_IsUnhealthy_AndHealthyOnceItIsBack()
    {
        using var forum = new UnpooledForum();
        var client = forum.CreateForumClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/ready")).Status);

        var file = forum.Database.SqliteFile;
        File.Move(file, file + ".away");
        Directory.CreateDirectory(file);
        ForumClient.Page down;
        try
        {
            down = await client.GetAsync("/healthz/ready");
        }
        finally
        {
            Directory.Delete(file);
            File.Move(file + ".away", file);
        }
        var back = await client.GetAsync("/healthz/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.Status);
        Assert.Equal("Unhealthy", down.Text);
        Assert.Equal(HttpStatusCode.OK, back.Status);
        Assert.Equal("Healthy", back.Text);
    }

    [PostgresFact]
    public async Task Ready_WhilePostgresRefusesConnections_IsUnhealthy_AndHealthyOnceItAllowsThemAgain()
    {
        using var forum = new ForumFactory();
        var client = forum.CreateForumClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/ready")).Status);

        ForumClient.Page down;
        await AllowConnectionsAsync(forum.Database, allow: false);
        try
        {
            down = await client.GetAsync("/healthz/ready");
        }
        finally
        {
            await AllowConnectionsAsync(forum.Database, allow: true);
        }
        var back = await client.GetAsync("/healthz/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.Status);
        Assert.Equal("Unhealthy", down.Text);
        Assert.Equal(HttpStatusCode.OK, back.Status);
    }

    /// <summary>
    /// Lets the forum's database take connections, or refuses them and ends the ones open, as a database server that
    /// went away would (the forum runs in this process, so its pooled connections are dropped here too).
    /// </summary>
    private static async Task AllowConnectionsAsync(TestDatabase database, bool allow)
    {
        var server = new NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(server.ToString());
        await connection.OpenAsync();
        await using var alter = connection.CreateCommand();
        alter.CommandText = $"ALTER DATABASE \"{database.PostgresDatabase}\" ALLOW_CONNECTIONS {(allow ? "true" : "false")}";
        await alter.ExecuteNonQueryAsync();
        if (!allow)
        {
            await using var end = connection.CreateCommand();
            // The forum's sessions; autovacuum's is the server's own, which only a superuser may end.
            end.CommandText = "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @name AND backend_type = 'client backend'";
            end.Parameters.AddWithValue("name", database.PostgresDatabase!);
            await end.ExecuteNonQueryAsync();
        }
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>
    /// A forum that opens its SQLite file for each use rather than keeping connections in a pool, so that a file gone
    /// from its place is noticed at once, as after a restart, rather than when the pool lets go of it.
    /// </summary>
    private sealed class UnpooledForum : ForumFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["ConnectionStrings:Forum"] = new SqliteConnectionStringBuilder { DataSource = Database.SqliteFile, Pooling = false }.ToString(),
        };
    }
}
