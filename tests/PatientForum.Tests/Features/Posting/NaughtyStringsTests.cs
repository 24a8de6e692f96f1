using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Infrastructure.Text;
using Xunit.Abstractions;

namespace PatientForum.Tests.Features.Posting;

/// <summary>
/// The Big List of Naughty Strings (tests/corpora/blns.json) as titles and as bodies. Whatever arrives, the
/// forum never fails with a 5xx: it either saves exactly the cleaned text or explains the problem and keeps it.
/// Its Zalgo strings (letters carrying more than four marks) are refused.
/// </summary>
public sealed class NaughtyStringsTests(ForumFactory factory, ITestOutputHelper output) : IClassFixture<ForumFactory>
{
    private const string Topic = "surgical-referral";

    // The limits as the forum promises them, written out here so that a change to the app's rules shows up.
    private const int TitleMin = 5;
    private const int TitleMax = 150;
    private const int BodyMin = 1;
    private const int BodyMax = 20_000;

    // A letter may carry at most this many combining marks (Zalgo text carries dozens), and no text may take more
    // UTF-16 units than twice its limit in characters.
    private const int MaxMarks = 4;

    [Fact]
    public async Task StartThread_WithEachNaughtyStringAsTitle_SavesTheCleanedTitleOrExplains()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var form = await member.Client.GetOkAsync($"/t/{Topic}/new");

        await CheckEveryStringAsync("titles", ForumText.Line, (TitleMin, TitleMax),
            (naughty, i) => SubmitAsync(member, form, naughty, $"Body for naughty title {i}."),
            savedProblem: (thread, cleaned) => Task.FromResult(
                thread.Document.QuerySelector("h1")?.TextContent == cleaned ? null : $"h1 is {Show(thread.Document.QuerySelector("h1")?.TextContent)}"),
            refusedProblem: (page, cleaned) => KeptProblem(page, "#Title-error", page.Document.QuerySelector("input#Title")?.GetAttribute("value") ?? "", cleaned));
    }

    [Fact]
    public async Task StartThread_WithEachNaughtyStringAsBody_SavesTheCleanedBodyOrExplains()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var form = await member.Client.GetOkAsync($"/t/{Topic}/new");

        await CheckEveryStringAsync("bodies", ForumText.Body, (BodyMin, BodyMax),
            (naughty, i) => SubmitAsync(member, form, $"Naughty body {i}", naughty),
            savedProblem: (thread, cleaned) => SavedBodyProblemAsync(member.Client, thread, cleaned),
            refusedProblem: (page, cleaned) => KeptProblem(page, "#Body-error", BodyValue(page), cleaned));
    }

    [Fact]
    public async Task StartThread_WithANullCharacter_IsRefusedAsABadRequestNotAServerError()
    {
        // ASP.NET Core will not read a form field holding %00, so the text never reaches the forum's own cleaning;
        // the error page must still say 400, not report a fault of the server.
        var member = await Members.RegisterConfirmedAsync(factory);
        var form = await member.Client.GetOkAsync($"/t/{Topic}/new");

        var page = await SubmitAsync(member, form, "A title with a null", "<scr\0ipt>alert(1)</scr\0ipt>");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("Something in the request was wrong", page.TextOf("h1"));
    }

    /// <summary>
    /// Sends every string, one after another: a valid one (after cleaning) must be saved exactly as cleaned, an
    /// invalid one refused with 422, a message and the cleaned text kept; nothing may answer 5xx. All problems are
    /// listed at the end so one run shows them all.
    /// </summary>
    private async Task CheckEveryStringAsync(
        string what,
        Func<string?, string> clean,
        (int Min, int Max) limits,
        Func<string, int, Task<ForumClient.Page>> submit,
        Func<ForumClient.Page, string, Task<string?>> savedProblem,
        Func<ForumClient.Page, string, string?> refusedProblem)
    {
        var strings = LoadCorpus();
        var problems = new List<string>();
        var saved = 0;
        var stopwatch = Stopwatch.StartNew();

        for (var i = 0; i < strings.Count; i++)
        {
            var cleaned = clean(strings[i]);
            var length = ForumText.VisibleLength(cleaned);
            var valid = length >= limits.Min && length <= limits.Max
                && TextMarks.MostOnOneCharacter(cleaned) <= MaxMarks && cleaned.Length <= 2 * limits.Max;
            var page = await submit(strings[i], i);
            saved += page.Status == HttpStatusCode.OK ? 1 : 0;
            var problem = page.Status switch
            {
                >= HttpStatusCode.InternalServerError => $"answered {(int)page.Status}",
                HttpStatusCode.OK when valid => await savedProblem(page, cleaned),
                HttpStatusCode.UnprocessableEntity when !valid => refusedProblem(page, cleaned),
                _ => $"answered {(int)page.Status} for visible length {length}",
            };
            if (problem is not null)
            {
                problems.Add($"#{i} {Show(strings[i])} (cleaned {Show(cleaned)}): {problem}");
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{strings.Count} naughty {what} ({saved} saved, {strings.Count - saved} refused) in {stopwatch.Elapsed.TotalSeconds:F1} s"));
        Assert.True(problems.Count == 0, $"{problems.Count} of {strings.Count} {what} went wrong:\n" + string.Join('\n', problems));
    }

    /// <summary>Submits the new-thread form with a fresh submission token, as a freshly opened form would carry.</summary>
    private static Task<ForumClient.Page> SubmitAsync(Member member, ForumClient.Page form, string title, string body) =>
        member.Client.SubmitAsync(form, Compose.NewThreadForm, new Dictionary<string, string?>
        {
            ["Title"] = title,
            ["Body"] = body,
            ["SubmissionToken"] = Guid.NewGuid().ToString(),
        });

    /// <summary>The author's edit form shows the Markdown as saved: it must be the cleaned body, exactly.</summary>
    private static async Task<string?> SavedBodyProblemAsync(ForumClient client, ForumClient.Page thread, string cleaned)
    {
        var id = thread.Document.QuerySelector("article.post-opening")?.Id;
        if (id is null)
        {
            return $"no opening post on {thread.Url}";
        }
        var edit = await client.GetAsync($"/posts/{id["post-".Length..]}/edit");
        if (edit.Status != HttpStatusCode.OK)
        {
            return $"the edit form answered {(int)edit.Status}";
        }
        var saved = BodyValue(edit);
        return saved == cleaned ? null : $"the edit form holds {Show(saved)}";
    }

    private static string? KeptProblem(ForumClient.Page page, string errorSelector, string kept, string cleaned)
    {
        if (string.IsNullOrWhiteSpace(page.TextOf(errorSelector)))
        {
            return $"422 without a message in {errorSelector}";
        }
        return kept == cleaned ? null : $"422 kept {Show(kept)}";
    }

    private static string BodyValue(ForumClient.Page page) =>
        (page.Document.QuerySelector("textarea#Body") as IHtmlTextAreaElement)?.Value ?? "";

    /// <summary>A string with everything outside printable ASCII escaped, so the failure message shows what differs.</summary>
    private static string Show(string? value)
    {
        if (value is null)
        {
            return "(none)";
        }
        var shown = string.Concat(value.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:x4}"));
        return "\"" + (shown.Length > 120 ? shown[..120] + "…" : shown) + "\"";
    }

    /// <summary>The corpus is kept in the repository (tests/corpora), so a plain clone runs this test.</summary>
    private static List<string> LoadCorpus()
    {
        var strings = JsonSerializer.Deserialize<List<string>>(File.ReadAllText(RepoPaths.NaughtyStrings));
        Assert.True(strings is { Count: > 0 }, $"{RepoPaths.NaughtyStrings} holds no strings.");
        return strings;
    }
}
