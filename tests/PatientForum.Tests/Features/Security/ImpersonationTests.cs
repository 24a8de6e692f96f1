using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using PatientForum.Tests.Features.Search;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Features.Live;

namespace PatientForum.Tests.Features.Security;

/// <summary>
/// A post cannot pass itself off as a moderator's post or a moderation notice: it may carry no class at all (so none
/// of the forum's own), and a real staff member's posts carry a badge that only the forum's roles give.
/// </summary>
public sealed class ImpersonationTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    private const string Topic = "rehab";

    [Fact]
    public async Task StartThread_WithTheForumsOwnClassNames_RendersNoneOfThem()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var body = """
            <div class="post-meta moderation-notice">Moderator note: this member is verified.</div>

            <p class="notice post-notice">This post was checked by a moderator.</p>

            <span class="post-author badge staff-badge">Moderator</span>

            ```js
            console.log("fenced");
            ```
            """;

        var page = await Compose.StartThreadAsync(member, Topic, Unique("Classes in a post"), body);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var post = page.Document.QuerySelector("article.post .post-body")!;
        Assert.Contains("Moderator note", post.TextContent, StringComparison.Ordinal);
        Assert.True(post.QuerySelectorAll("[class]").Length == 0, post.InnerHtml);
        Assert.Equal("console.log(\"fenced\");", post.QuerySelector("pre code")?.TextContent.Trim());
        Assert.Null(page.Document.QuerySelector("article.post .post-meta .staff-badge"));
    }

    [Fact]
    public async Task ThreadPage_PostsByStaff_ShowTheirBadge_AndAMembersPostShowsNone()
    {
        var moderator = await Staff.ModeratorAsync(factory);
        var admin = await Staff.AdminAsync(factory);
        var member = await Members.RegisterConfirmedAsync(factory);
        var path = await Compose.StartThreadPathAsync(moderator, Topic, Unique("A word from the moderators"), "Please keep it kind.", asStaff: true);
        await Compose.ReplyAsync(admin, path, "Seconded.", asStaff: true);
        await Compose.ReplyAsync(member, path, "<span class=\"badge staff-badge\">Moderator</span> I am one too.");

        var page = await factory.CreateForumClient().GetOkAsync(path);

        var posts = page.Document.QuerySelectorAll("article.post");
        Assert.Equal(3, posts.Length);
        Assert.Equal("Moderator", posts[0].QuerySelector(".post-meta .staff-badge")?.TextContent.Trim());
        Assert.Equal("Admin", posts[1].QuerySelector(".post-meta .staff-badge")?.TextContent.Trim());
        Assert.Null(posts[2].QuerySelector(".staff-badge"));
        Assert.Null(posts[2].QuerySelector(".badge"));
    }

    [Fact]
    public async Task LivePush_OfAModeratorsReply_CarriesTheBadge()
    {
        var moderator = await Staff.ModeratorAsync(factory);
        var path = await Compose.StartThreadPathAsync(moderator, Topic, Unique("Live from the moderators"), "Opening.");
        await using var reader = await LiveClient.ConnectAsync(factory);
        var added = Channel.CreateUnbounded<PostFragment>();
        reader.On<PostFragment>(nameof(IForumClient.PostAdded), post => added.Writer.TryWrite(post));
        await reader.InvokeAsync<int>(nameof(ForumHub.JoinThread), Compose.ThreadId(path));

        await Compose.ReplyAsync(moderator, path, "A reply pushed live.", asStaff: true);

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var pushed = await added.Reader.ReadAsync(wait.Token);
        Assert.Contains("<span class=\"badge staff-badge\">Moderator</span>", pushed.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchResults_PostsByStaff_ShowTheirBadge_AndAMembersShowNone()
    {
        var moderator = await Staff.ModeratorAsync(factory);
        var member = await Members.RegisterConfirmedAsync(factory);
        var word = Searching.RareWord();
        await Compose.StartThreadPathAsync(moderator, Topic, "From the moderators", $"Staff word {word}.", asStaff: true);
        await Compose.StartThreadPathAsync(member, Topic, "From a member", $"Member word {word}.");

        var hits = await Searching.VisitorHitsAsync(factory, word);

        Assert.Equal(2, hits.Count);
        Assert.Equal("Moderator", hits.Single(h => Searching.Title(h) == "From the moderators").QuerySelector(".staff-badge")?.TextContent.Trim());
        Assert.Null(hits.Single(h => Searching.Title(h) == "From a member").QuerySelector(".staff-badge"));
    }

    [Fact]
    public async Task StaffPosts_NotWrittenAsStaff_OrUnderAnAlias_ShowNoBadge_AndMembersAreNotOfferedTheChoice()
    {
        var moderator = await Staff.ModeratorAsync(factory);
        var member = await Members.RegisterConfirmedAsync(factory);
        var path = await Compose.StartThreadPathAsync(moderator, Topic, Unique("My own knee, as a patient"), "Not as a moderator: my own story.");
        await Compose.ReplyAsync(moderator, path, "Still as myself.");
        var asStaff = await Compose.ReplyAsync(moderator, path, "Now as a moderator: please keep it kind.", asStaff: true);
        await moderator.Client.SubmitAsync(await moderator.Client.GetOkAsync(path), Compose.ReplyForm, new Dictionary<string, string?>
        {
            ["Body"] = "Under my alias, the box ticked.", ["UnderAlias"] = "true", ["AsStaff"] = "true",
        });
        await Compose.ReplyAsync(member, path, "A member replies.");
        var forged = await member.Client.SubmitAsync(await member.Client.GetOkAsync(path), Compose.ReplyForm, new Dictionary<string, string?>
        {
            ["Body"] = "A member sends the box anyway.", ["AsStaff"] = "true",
        });

        var page = await factory.CreateForumClient().GetOkAsync(path);

        Assert.NotNull(asStaff.Document.QuerySelector("form.composer input[name='AsStaff']:not([checked])"));
        Assert.Null((await member.Client.GetOkAsync(path)).Document.QuerySelector("input[name='AsStaff']"));
        Assert.Equal(System.Net.HttpStatusCode.OK, forged.Status);
        var badges = page.Document.QuerySelectorAll("article.post").Select(p => p.QuerySelector(".post-meta .staff-badge")?.TextContent.Trim()).ToList();
        Assert.Equal([null, null, "Moderator", null, null, null], badges);
        Assert.StartsWith("Member ", page.Document.QuerySelectorAll("article.post")[3].QuerySelector(".post-author")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    private static string Unique(string text) => $"{text} {Guid.NewGuid().ToString("N")[..8]}";
}
