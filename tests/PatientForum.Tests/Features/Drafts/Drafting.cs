using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Drafts;

/// <summary>
/// Saves drafts as members do: as the composer's script does (a multipart POST with the page's token, asking for
/// JSON), or with the composer's Save draft button (its form posted to the button's formaction). Every draft body is
/// a planted secret (<see cref="Canaries"/>): drafts are members' words, which the logs must never hold.
/// </summary>
public static class Drafting
{
    public sealed record Answer(HttpStatusCode Status, JsonElement Json)
    {
        public string? Reason => Json.TryGetProperty("reason", out var reason) ? reason.GetString() : null;

        public string? SavedAtText => Json.TryGetProperty("savedAtText", out var text) ? text.GetString() : null;
    }

    public static string Text(string words) => Canaries.PlantText("draft body", $"{words} {Guid.NewGuid():N}");

    /// <summary>What the composer's script sends after the member stops typing, with the token of <paramref name="composerPage"/>.</summary>
    public static async Task<Answer> SaveByScriptAsync(Member member, string composerPage, string saveUrl, string body, string? title = null)
    {
        var page = await member.Client.GetOkAsync(composerPage);
        return await ScriptPostAsync(member.Client, saveUrl, page.AntiforgeryToken(), ("Body", body), ("Title", title));
    }

    public static async Task<Answer> ScriptPostAsync(ForumClient client, string url, string token, params (string Name, string? Value)[] fields)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields.Where(f => f.Value is not null).Append(("__RequestVerificationToken", token)))
        {
            content.Add(new StringContent(value!), name);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Relative)) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await client.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        return new Answer(response.StatusCode, json.RootElement.Clone());
    }

    /// <summary>Fills the composer on <paramref name="composerPage"/> and presses its Save draft button (no script).</summary>
    public static Task<ForumClient.Page> SaveByButtonAsync(Member member, string composerPage, string body, string? title = null) =>
        PressAsync(member, composerPage, "[data-draft-save]", new Dictionary<string, string?> { ["Body"] = body, ["Title"] = title });

    /// <summary>Presses the composer's Discard draft button (no script).</summary>
    public static Task<ForumClient.Page> DiscardByButtonAsync(Member member, string composerPage) =>
        PressAsync(member, composerPage, "[data-draft-discard]", new Dictionary<string, string?>());

    /// <summary>The composer's body field, as the page was served.</summary>
    public static string BodyIn(ForumClient.Page page) =>
        page.Document.QuerySelector("form.composer textarea[name='Body']")?.TextContent ?? throw new InvalidOperationException($"No composer on {page.Url}");

    public static string? NoteIn(ForumClient.Page page) => page.TextOf("[data-draft-note]");

    private static async Task<ForumClient.Page> PressAsync(Member member, string composerPage, string button, Dictionary<string, string?> fields)
    {
        var page = await member.Client.GetOkAsync(composerPage);
        var action = page.Document.QuerySelector($"form.composer {button}")?.GetAttribute("formaction")
            ?? throw new InvalidOperationException($"No {button} button on {composerPage}");
        var form = page.Document.QuerySelector("form.composer")!;
        var values = form.QuerySelectorAll("input[type=hidden]").Select(i => KeyValuePair.Create(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Concat(fields.Where(f => f.Value is not null).Select(f => KeyValuePair.Create(f.Key, f.Value!)));
        using var content = new FormUrlEncodedContent(values);
        var response = await member.Client.Http.PostAsync(new Uri(action, UriKind.Relative), content);
        return await ForumClient.Page.FromAsync(response);
    }
}
