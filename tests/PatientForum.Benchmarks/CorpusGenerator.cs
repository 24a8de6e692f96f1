using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace PatientForum.Benchmarks;

/// <summary>
/// Makes a forum database of a given size for the benchmarks: members, threads of realistic length
/// across the four topics, and posts whose words come from the patient guide and the topics. The
/// schema comes from the app itself (it is started once on an empty folder), so the data is exactly
/// what the forum would hold. Databases are cached by size under the given folder.
/// </summary>
public static class CorpusGenerator
{
    /// <summary>A word that appears in about one post in 5,000, for the rare-term queries.</summary>
    public const string RareTerm = "hyaluronan";

    private const int Members = 2000;
    private const int SlugLength = 80;
    private const string Stamp = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    public static async Task<string> EnsureAsync(string root, int posts)
    {
        var folder = Path.Combine(root, $"posts-{posts}");
        var database = Path.Combine(folder, "forum.db");
        if (File.Exists(Path.Combine(folder, "complete")))
        {
            await CapSlugsAsync(database);
            return folder;
        }
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        Directory.CreateDirectory(folder);
        Console.WriteLine($"Generating a forum with {posts:N0} posts in {folder} …");
        var watch = Stopwatch.StartNew();

        await using (var server = new ForumServer(new Dictionary<string, string> { ["Forum__DataDirectory"] = folder }))
        {
            await server.StartAsync();
        }
        await FillAsync(database, posts);
        await File.WriteAllTextAsync(Path.Combine(folder, "complete"), DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        Console.WriteLine($"  done in {watch.Elapsed.TotalSeconds:F0} s");
        return folder;
    }

    private static async Task FillAsync(string database, int posts)
    {
        var random = new Random(posts);
        var words = Vocabulary.Load();
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;");
        var topics = new List<long>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT Id FROM Topics ORDER BY SortOrder";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                topics.Add(reader.GetInt64(0));
            }
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var members = await InsertMembersAsync(connection, transaction);
        var start = DateTime.UtcNow.AddDays(-730);
        var thread = connection.CreateCommand();
        thread.Transaction = transaction;
        thread.CommandText = """
            INSERT INTO Threads (TopicId, Title, Slug, AuthorId, CreatedAt, LastActivityAt, ReplyCount, IsPinned, PinOrder, IsLocked, IsHidden)
            VALUES ($topic, $title, $slug, $author, $created, $last, $replies, 0, 0, 0, 0) RETURNING Id
            """;
        var post = connection.CreateCommand();
        post.Transaction = transaction;
        post.CommandText = """
            INSERT INTO Posts (ThreadId, AuthorId, Markdown, Html, CreatedAt, IsOpening, State, EditedByModerator)
            VALUES ($thread, $author, $markdown, $html, $created, $opening, 0, 0)
            """;

        var written = 0;
        while (written < posts)
        {
            // Thread lengths follow a geometric distribution: most are short, a few run long.
            var length = Math.Min(posts - written, 1 + (int)Math.Min(300, -Math.Log(1 - random.NextDouble()) * 9));
            var created = start.AddMinutes(random.Next(0, 730 * 24 * 60));
            var title = Sentence(random, words, 4, 10);
            thread.Parameters.Clear();
            thread.Parameters.AddWithValue("$topic", topics[random.Next(topics.Count)]);
            thread.Parameters.AddWithValue("$title", title);
            thread.Parameters.AddWithValue("$slug", Slugify(title));
            thread.Parameters.AddWithValue("$author", members[random.Next(members.Count)]);
            thread.Parameters.AddWithValue("$created", created.ToString(Stamp, CultureInfo.InvariantCulture));
            thread.Parameters.AddWithValue("$last", created.AddHours(length).ToString(Stamp, CultureInfo.InvariantCulture));
            thread.Parameters.AddWithValue("$replies", length - 1);
            var threadId = (long)(await thread.ExecuteScalarAsync())!;

            for (var i = 0; i < length; i++)
            {
                var body = Paragraphs(random, words);
                post.Parameters.Clear();
                post.Parameters.AddWithValue("$thread", threadId);
                post.Parameters.AddWithValue("$author", members[random.Next(members.Count)]);
                post.Parameters.AddWithValue("$markdown", body);
                post.Parameters.AddWithValue("$html", "<p>" + body.Replace("\n\n", "</p><p>", StringComparison.Ordinal) + "</p>");
                post.Parameters.AddWithValue("$created", created.AddHours(i).ToString(Stamp, CultureInfo.InvariantCulture));
                post.Parameters.AddWithValue("$opening", i == 0);
                await post.ExecuteNonQueryAsync();
            }
            written += length;
        }
        await transaction.CommitAsync();
        await Execute(connection, "PRAGMA optimize; INSERT INTO PostSearch(PostSearch) VALUES('optimize');");
    }

    private static async Task<List<string>> InsertMembersAsync(SqliteConnection connection, SqliteTransaction transaction)
    {
        var ids = new List<string>(Members);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO AspNetUsers (Id, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, SecurityStamp, ConcurrencyStamp,
                PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount, DisplayName, NormalizedDisplayName, CreatedAt, IsSystem)
            VALUES ($id, $email, upper($email), $email, upper($email), 1, $id, $id, 0, 0, 1, 0, $name, upper($name), $created, 0)
            """;
        for (var i = 0; i < Members; i++)
        {
            var id = Guid.NewGuid().ToString();
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$email", $"generated-{i}@example.org");
            command.Parameters.AddWithValue("$name", $"Patient {i:D4}");
            command.Parameters.AddWithValue("$created", DateTime.UtcNow.AddDays(-800).ToString(Stamp, CultureInfo.InvariantCulture));
            await command.ExecuteNonQueryAsync();
            ids.Add(id);
        }
        return ids;
    }

    private static string Paragraphs(Random random, Vocabulary words)
    {
        var builder = new StringBuilder();
        var paragraphs = random.Next(1, 4);
        for (var p = 0; p < paragraphs; p++)
        {
            if (p > 0)
            {
                builder.Append("\n\n");
            }
            var sentences = random.Next(1, 5);
            for (var s = 0; s < sentences; s++)
            {
                builder.Append(Sentence(random, words, 6, 18)).Append(". ");
            }
        }
        if (random.Next(5000) == 0)
        {
            builder.Append($"My physio mentioned {RareTerm} injections for the knee.");
        }
        return builder.ToString().TrimEnd();
    }

    private static string Sentence(Random random, Vocabulary words, int min, int max)
    {
        var count = random.Next(min, max + 1);
        var parts = new string[count];
        for (var i = 0; i < count; i++)
        {
            parts[i] = words.Pick(random);
        }
        parts[0] = char.ToUpperInvariant(parts[0][0]) + parts[0][1..];
        return string.Join(' ', parts);
    }

    /// <summary>Like the forum's own slugs: lower-case words joined by hyphens, at most <see cref="SlugLength"/> characters.</summary>
    private static string Slugify(string title)
    {
        var slug = string.Join('-', title.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Replace("'", "", StringComparison.Ordinal);
        return slug.Length <= SlugLength ? slug : slug[..SlugLength].TrimEnd('-');
    }

    /// <summary>
    /// Corpora generated before slugs were capped have longer ones than the forum ever makes, which SQLite keeps but
    /// PostgreSQL's column refuses; cut them as the forum would.
    /// </summary>
    private static async Task CapSlugsAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await Execute(connection, $"UPDATE Threads SET Slug = rtrim(substr(Slug, 1, {SlugLength}), '-') WHERE length(Slug) > {SlugLength}");
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
