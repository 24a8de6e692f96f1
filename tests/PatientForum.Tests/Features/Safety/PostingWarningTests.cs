using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using static PatientForum.Tests.Infrastructure.RawRequests;

namespace PatientForum.Tests.Features.Safety;

/// <summary>
/// The personal-information warning as a member meets it: posting with a phone number shows the form again with the
/// text kept and the warning, "Post anyway" saves the post with the kinds recorded (never the text), and the composer's
/// check answers the same findings as JSON, for signed-in members with the form's token only.
/// </summary>
public sealed class PostingWarningTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    private const string PhoneMessage = "This looks like a phone number. Stories are public: remove it, or post anyway.";

    [Fact]
    public async Task StartThread_WithAPhoneNumber_ShowsTheFormAgainWithTheTextKeptAndTheWarning_AndSavesNothing()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var (title, body) = Story();

        var page = await WarnedAsync(member, title, body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Equal(body, page.Document.QuerySelector("textarea[name='Body']")!.TextContent.TrimStart('\n'));
        Assert.Equal(title, page.Document.QuerySelector("input[name='Title']")!.GetAttribute("value"));
        Assert.Equal(PhoneMessage, page.TextOf("[data-safety-warnings] .safety-message"));
        Assert.Equal("07700 900123", page.TextOf("[data-safety-warnings] mark"));
        Assert.NotNull(page.Document.QuerySelector("input[type='checkbox'][name='PostAnyway']:not([disabled])"));
        Assert.False(await ModerationState.QueryAsync(factory, db => db.Threads.AnyAsync(t => t.Title == title)));
    }

    [Fact]
    public async Task PostAnyway_AfterTheWarning_SavesThePostWithTheKindsRecordedNotTheText()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var moderator = await Staff.ModeratorAsync(factory);
        var (title, body) = Story();
        var warned = await WarnedAsync(member, title, body);

        var thread = await member.Client.SubmitAsync(warned, Compose.NewThreadForm, new Dictionary<string, string?> { ["PostAnyway"] = "true" });

        Assert.Equal(HttpStatusCode.OK, thread.Status);
        Assert.StartsWith("/threads/", thread.Url, StringComparison.Ordinal);
        Assert.Contains("07700 900123", thread.TextOf("article.post .post-body"), StringComparison.Ordinal);
        var kinds = await ModerationState.QueryAsync(factory, db => db.Posts.Where(p => p.Thread!.Title == title).Select(p => p.PostedAnywayKinds).SingleAsync());
        Assert.Equal("PhoneNumber", kinds);
        var list = await moderator.Client.GetOkAsync("/moderation?show=posted-anyway");
        var row = Assert.Single(list.Document.QuerySelectorAll("[data-posted-anyway] li"), li => li.TextContent.Contains(title, StringComparison.Ordinal));
        Assert.Equal("phone number", row.QuerySelector("[data-kinds]")!.TextContent);
        Assert.DoesNotContain("07700", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_WithoutPersonalInformation_IsSavedWithNoKindsRecorded()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var path = await Compose.StartThreadPathAsync(member, "rehab", $"Plain story {Guid.NewGuid():N}", "Week two: 20 minutes of cycling, pain 4/10.");

        var page = await Compose.ReplyAsync(member, path, "Week three: 25 minutes, 600mg ibuprofen on bad days.");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.QuerySelector("[data-safety-warnings]:not([hidden])"));
        Assert.False(await ModerationState.QueryAsync(factory, db => db.Posts.AnyAsync(p => p.ThreadId == Compose.ThreadId(path) && p.PostedAnywayKinds != null)));
    }

    [Fact]
    public async Task Check_WithAPhoneNumber_ReturnsTheFindingAsJson()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var composer = await member.Client.GetOkAsync("/t/rehab/new");
        var body = Canaries.PlantText("post body", $"My physio said ring 07700 900123 if it flares {Guid.NewGuid():N}.");

        var answer = await PostFormAsync(member.Client, "/posting/check", ("__RequestVerificationToken", AntiforgeryToken(composer)), ("body", body));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var finding = Assert.Single(JsonDocument.Parse(answer.Text).RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("PhoneNumber", finding.GetProperty("kind").GetString());
        Assert.Equal(body.IndexOf("07700", StringComparison.Ordinal), finding.GetProperty("start").GetInt32());
        Assert.Equal("07700 900123".Length, finding.GetProperty("length").GetInt32());
        Assert.Equal(PhoneMessage, finding.GetProperty("message").GetString());
        Assert.Equal("07700 900123", finding.GetProperty("match").GetString());
    }

    [Fact]
    public async Task Check_ForAMembersOnlyThread_SaysMembersCanReadIt()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var composer = await member.Client.GetOkAsync("/t/rehab/new");

        var answer = await PostFormAsync(member.Client, "/posting/check",
            ("__RequestVerificationToken", AntiforgeryToken(composer)), ("body", "Text me on 07700 900123."), ("audience", "Members"));

        var finding = Assert.Single(JsonDocument.Parse(answer.Text).RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("This looks like a phone number. Members can read this: remove it, or post anyway.", finding.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Check_WithoutTheFormsToken_IsRefused()
    {
        var member = await Members.RegisterConfirmedAsync(factory);

        var answer = await PostFormAsync(member.Client, "/posting/check", ("body", "Text me on 07700 900123."));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
    }

    [Fact]
    public async Task Check_ByAVisitor_IsSentToSignIn()
    {
        var visitor = factory.CreateForumClient(followRedirects: false);
        var contact = await visitor.GetOkAsync("/contact");

        var answer = await PostFormAsync(visitor, "/posting/check", ("__RequestVerificationToken", AntiforgeryToken(contact)), ("body", "07700 900123"));

        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        Assert.Equal("/account/login", LocationPath(answer));
    }

    /// <summary>The new-thread form posted as it is, without answering a warning (Compose's helpers post anyway).</summary>
    private static async Task<ForumClient.Page> WarnedAsync(Member member, string title, string body)
    {
        var form = await member.Client.GetOkAsync("/t/rehab/new");
        return await member.Client.SubmitAsync(form, Compose.NewThreadForm, new Dictionary<string, string?> { ["Title"] = title, ["Body"] = body });
    }

    private static (string Title, string Body) Story() =>
        ($"Shoulder rehab {Guid.NewGuid():N}", Canaries.PlantText("post body", $"If anyone nearby wants to compare notes, call me on 07700 900123 any evening. Thread note {Guid.NewGuid():N}"));
}
