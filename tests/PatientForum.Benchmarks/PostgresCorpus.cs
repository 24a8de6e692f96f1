using System.Diagnostics;
using Npgsql;

namespace PatientForum.Benchmarks;

/// <summary>
/// A generated corpus moved into PostgreSQL with the forum's own <c>db copy --to-postgres</c>, once: the copy is
/// kept in a database named for its size and used again while it holds every post.
/// </summary>
public static class PostgresCorpus
{
    private static string ServerConnectionString =>
        new NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer) { Database = "postgres" }.ToString();

    /// <summary>Settings (as environment variables) that run a forum on the PostgreSQL copy of the corpus in <paramref name="folder"/>.</summary>
    public static async Task<Dictionary<string, string>> EnsureAsync(string folder, int posts)
    {
        var name = $"patientforum_bench_{posts}";
        var connectionString = new NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer) { Database = name }.ToString();
        if (!await IsCompleteAsync(name, connectionString, posts))
        {
            await RecreateAsync(name);
            Console.WriteLine($"Copying the {posts:N0}-post corpus into PostgreSQL database {name} (once)...");
            var watch = Stopwatch.StartNew();
            await CopyAsync(folder, connectionString);
            Console.WriteLine($"  copied in {watch.Elapsed.TotalSeconds:F0} s");
        }
        return new Dictionary<string, string>
        {
            ["Forum__Database__Provider"] = "Postgres",
            ["ConnectionStrings__Forum"] = connectionString,
        };
    }

    private static async Task<bool> IsCompleteAsync(string name, string connectionString, int posts)
    {
        await using var server = new NpgsqlConnection(ServerConnectionString);
        await server.OpenAsync();
        await using (var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", server))
        {
            exists.Parameters.AddWithValue("name", name);
            if ((long)(await exists.ExecuteScalarAsync())! == 0)
            {
                return false;
            }
        }
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("""SELECT count(*) FROM information_schema.tables WHERE table_name = 'Posts'""", connection);
        if ((long)(await count.ExecuteScalarAsync())! == 0)
        {
            return false;
        }
        await using var copied = new NpgsqlCommand("""SELECT count(*) FROM "Posts" """, connection);
        return (long)(await copied.ExecuteScalarAsync())! >= posts;
    }

    private static async Task RecreateAsync(string name)
    {
        await using var server = new NpgsqlConnection(ServerConnectionString);
        await server.OpenAsync();
        await using var drop = new NpgsqlCommand($"""DROP DATABASE IF EXISTS "{name}" WITH (FORCE)""", server);
        await drop.ExecuteNonQueryAsync();
        await using var create = new NpgsqlCommand($"""CREATE DATABASE "{name}" """, server);
        await create.ExecuteNonQueryAsync();
    }

    private static async Task CopyAsync(string folder, string connectionString)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepoPaths.WebProject, UseShellExecute = false };
        start.ArgumentList.Add(ForumServer.WebAssemblyPath());
        foreach (var arg in (string[])["db", "copy", "--to-postgres", connectionString])
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["Forum__DataDirectory"] = folder;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("db copy did not start.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"db copy exited with code {process.ExitCode}.");
        }
    }
}
