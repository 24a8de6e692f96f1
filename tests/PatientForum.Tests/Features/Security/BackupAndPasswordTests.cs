using Microsoft.Data.Sqlite;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Security;

public sealed class BackupAndPasswordTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    [SqliteFact]
    public async Task DbBackup_WhileTheForumServes_WritesAConsistentCopyWithEveryPost()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var text = $"Backed-up story {Guid.NewGuid():N}";
        var path = await Compose.StartThreadPathAsync(member, "rehab", "A thread to back up", text);
        var file = Path.Combine(factory.DataDirectory, "backups", "forum-backup.db");

        var result = await ForumCommandLine.RunAsync(factory, "db", "backup", file);
        await Compose.ReplyAsync(member, path, "Written after the backup.");

        Assert.True(result.ExitCode == 0, result.ToString());
        await using var backup = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await backup.OpenAsync();
        Assert.Equal("ok", await ScalarAsync<string>(backup, "PRAGMA integrity_check"));
        Assert.Equal(1L, await ScalarAsync<long>(backup, $"SELECT count(*) FROM Posts WHERE Markdown = '{text}'"));
        Assert.Equal(0L, await ScalarAsync<long>(backup, "SELECT count(*) FROM Posts WHERE Markdown = 'Written after the backup.'"));
        Assert.True(await ScalarAsync<long>(backup, "SELECT count(*) FROM PostSearch WHERE PostSearch MATCH 'story'") >= 1);

        var again = await ForumCommandLine.RunAsync(factory, "db", "backup", file);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already exists; choose a new file name", again.Error, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task DbBackup_OnPostgres_RefusesAndNamesPgDump()
    {
        var file = Path.Combine(factory.DataDirectory, "backups", "not-written.db");

        var result = await ForumCommandLine.RunAsync(factory, "db", "backup", file);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("pg_dump", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    [Theory]
    [InlineData("password123")]
    [InlineData("QWERTYUIOP")]
    [InlineData("1234567890")]
    public async Task Register_WithACommonPassword_IsRefusedWithTheOtherFieldsKept(string password)
    {
        var client = factory.CreateForumClient();
        var email = Members.UniqueEmail();
        var form = await client.GetOkAsync("/account/register");

        var page = await client.SubmitAsync(form, "form[action='/account/register']", new Dictionary<string, string?>
        {
            ["Email"] = email,
            ["DisplayName"] = Members.UniqueName(),
            ["Password"] = password,
            ["ConfirmPassword"] = password,
        });

        Assert.Equal("Register", page.TextOf("h1"));
        Assert.Contains("passwords people use most often", page.Text, StringComparison.Ordinal);
        Assert.Equal(email, page.Document.QuerySelector("#Email")!.GetAttribute("value"));
    }

    private static async Task<T> ScalarAsync<T>(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
