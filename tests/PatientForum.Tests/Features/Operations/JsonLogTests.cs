using System.Text.Json;

namespace PatientForum.Tests.Features.Operations;

/// <summary>
/// With <c>Forum:Logging:Json</c> on, the forum's console output is one JSON object a line, which a log collector can
/// read, and the privacy rules still hold: a member's address, password, mailed code and post text appear in no line.
/// The forum runs as a process at the run's most verbose levels, and its output goes to the run's log as well, where
/// the log canary check looks for every secret planted here.
/// </summary>
public sealed class JsonLogTests
{
    [Fact]
    public async Task ConsoleLog_WithJsonOn_IsOneJsonObjectALine_AndHoldsNoMemberSecrets()
    {
        await using var server = await ForumServer.StartNewAsync(new Dictionary<string, string> { ["Forum__Logging__Json"] = "true" });
        var email = Canaries.Email("json-log");
        var password = Canaries.Password();
        var body = Canaries.PlantText("post body", $"My knee story that no log may hold {Guid.NewGuid():N}.");
        using var member = ForumClient.Visitor(server);

        (await member.RegisterAsync(email, $"Json Logger {Guid.NewGuid().ToString("N")[..6]}", password)).EnsureSuccess();
        var link = await member.ConfirmationLinkAsync(email);
        Canaries.PlantQueryValue("confirmation code", link, "code");
        await member.GetOkAsync(link);
        (await member.SignInAsync(email, password, null)).EnsureSuccess();
        var path = await member.StartThreadAsync("rehab", "Logged as JSON", body);
        var searched = body.Split(' ')[^1].TrimEnd('.');
        await member.GetOkAsync($"/search?q={searched}");
        await member.GetOkAsync(path);

        var lines = server.Log.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        Assert.True(lines.Count > 10, $"Too few log lines to judge:\n{server.Log}");
        foreach (var line in lines)
        {
            using var entry = ParseOrFail(line);
            Assert.True(entry.RootElement.TryGetProperty("LogLevel", out _), line);
            Assert.True(entry.RootElement.TryGetProperty("Category", out _), line);
            Assert.True(entry.RootElement.TryGetProperty("Message", out _), line);
        }
        string[] secrets = [email, email.Split('@')[0], password, body.TrimEnd('.'), searched, Uri.UnescapeDataString(Query(link, "code"))];
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, server.Log, StringComparison.Ordinal));
    }

    private static JsonDocument ParseOrFail(string line)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            throw new Xunit.Sdk.XunitException($"Not a JSON line ({ex.Message}): {line}");
        }
    }

    private static string Query(string link, string parameter) =>
        new Uri(new Uri("http://localhost"), link).Query.TrimStart('?').Split('&')
            .Select(pair => pair.Split('=', 2)).Single(pair => pair[0] == parameter)[1];
}
