using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Features.Aliases;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;

namespace PatientForum.Tests.Features.Home;

/// <summary>
/// The home page's latest stories (#22): newest activity first, by topic with ?topic=, each row naming its topic and the
/// last visible reply's author; a visitor's cached copy changes on the very next request after a reply or a hide.
/// </summary>
public sealed class LatestTests(ForumFactory forum) : IClassFixture<ForumFactory>
{
    [Fact]
    public async Task Home_AfterAReplyToAnOlderThread_ListsItFirst_AndTheTopicFilterListsOnlyThatTopic()
    {
        var member = await Members.RegisterConfirmedAsync(forum);
        var older = await Compose.StartThreadPathAsync(member, "rehab", Unique("Older rehab story"), "Week one.");
        var newer = await Compose.StartThreadPathAsync(member, "biologics", Unique("Newer biologics story"), "First dose.");
        await Compose.ReplyAsync(member, older, "Week two, better.");
        using var visitor = forum.CreateForumClient();

        var home = await visitor.GetOkAsync("/");
        var biologics = await visitor.GetOkAsync("/?topic=biologics");

        Assert.Equal([older, newer], Rows(home).Take(2).Select(r => r.QuerySelector(".thread-title a")!.GetAttribute("href")));
        Assert.Equal(["Rehab", "Biologics"], Rows(home).Take(2).Select(r => r.QuerySelector(".thread-topic")!.TextContent.Replace("In ", "", StringComparison.Ordinal).Trim()));
        Assert.DoesNotContain(Rows(home), r => r.ClassList.Contains("pinned"));
        Assert.Equal("/guide", home.Document.QuerySelector(".intro a")!.GetAttribute("href"));
        Assert.Contains(newer, Rows(biologics).Select(r => r.QuerySelector(".thread-title a")!.GetAttribute("href")));
        Assert.All(Rows(biologics), r => Assert.Equal("/t/biologics", r.QuerySelector(".thread-topic")!.GetAttribute("href")));
        Assert.Equal("Biologics", biologics.TextOf(".topic-filter a[aria-current=page]"));
        Assert.Equal("Latest stories about Biologics", biologics.TextOf("#latest-heading"));
    }

    [Fact]
    public async Task LastReply_AfterANewReplyThenItsHiding_IsOnTheVisitorsNextRequest_TheReplierThenThePreviousOne()
    {
        var author = await Members.RegisterConfirmedAsync(forum);
        var first = await Members.RegisterConfirmedAsync(forum);
        var second = await Members.RegisterConfirmedAsync(forum);
        var moderator = await Staff.ModeratorAsync(forum);
        var path = await Compose.StartThreadPathAsync(author, "injections", Unique("Who answered last"), "My first injection.");
        await Compose.ReplyAsync(first, path, "Mine went well.");
        using var visitor = forum.CreateForumClient();
        await visitor.GetOkAsync("/");
        var cached = await visitor.GetOkAsync("/");

        var replied = await Compose.ReplyAsync(second, path, "Mine stung.");
        var afterReply = await visitor.GetOkAsync("/");
        await Moderating.ActAsync(moderator, LastPostId(replied), "hide", "latest");
        var afterHide = await visitor.GetOkAsync("/");

        Assert.NotNull(cached.Response.Headers.Age);
        Assert.Equal(first.DisplayName, LastReplier(cached, path));
        Assert.Equal(second.DisplayName, LastReplier(afterReply, path));
        Assert.Equal(first.DisplayName, LastReplier(afterHide, path));
        Assert.DoesNotContain(second.DisplayName, afterHide.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LastReply_WhenTheOnlyReplyIsDeleted_NamesNobody_AndAThreadWithoutRepliesSaysWhenItStarted()
    {
        var author = await Members.RegisterConfirmedAsync(forum);
        var replier = await Members.RegisterConfirmedAsync(forum);
        var moderator = await Staff.ModeratorAsync(forum);
        var path = await Compose.StartThreadPathAsync(author, "rehab", Unique("A reply then none"), "Opening.");
        var replied = await Compose.ReplyAsync(replier, path, "A reply that goes.");
        using var visitor = forum.CreateForumClient();
        Assert.Equal(replier.DisplayName, LastReplier(await visitor.GetOkAsync("/"), path));

        await Moderating.ActAsync(moderator, LastPostId(replied), "delete", "latest");
        var home = await visitor.GetOkAsync("/");

        Assert.Null(LastReplier(home, path));
        Assert.Contains("active", Row(home, path)!.QuerySelector(".thread-byline")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(replier.DisplayName, home.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LastReply_UnderAnAlias_NamesTheAlias_NeverTheMember()
    {
        var author = await Members.RegisterConfirmedAsync(forum);
        var writer = await Members.RegisterConfirmedAsync(forum);
        var path = await Compose.StartThreadPathAsync(author, "rehab", Unique("Answered under an alias"), "Opening.");
        await Aliasing.ReplyAsync(writer, path, "Said under my alias.");
        var writerId = await ModerationState.UserIdAsync(forum, writer.Email);
        var alias = (await Aliasing.AliasOfAsync(forum, writerId, "rehab"))!;

        foreach (var client in new[] { forum.CreateForumClient(), author.Client })
        {
            var home = await client.GetOkAsync("/?topic=rehab");

            Assert.Equal(alias.DisplayName, LastReplier(home, path));
            Assert.DoesNotContain(writer.DisplayName, home.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task MembersOnlyTopic_OnTheHomePage_IsListedForMembers_AndVisitorsAreAskedToSignIn()
    {
        var slug = await AddTopicAsync(membersOnly: true);
        var member = await Members.RegisterConfirmedAsync(forum);
        var title = Unique("A members-only story");
        var path = await Compose.StartThreadPathAsync(member, slug, title, "For members.");
        var replier = await Members.RegisterConfirmedAsync(forum);
        await Compose.ReplyAsync(replier, path, "Members reply.");
        using var visitor = forum.CreateForumClient();

        var asVisitor = await visitor.GetOkAsync($"/?topic={slug}");
        var allAsVisitor = await visitor.GetOkAsync("/");
        var asMember = await (await Members.RegisterConfirmedAsync(forum)).Client.GetOkAsync($"/?topic={slug}");

        Assert.Empty(Rows(asVisitor));
        Assert.Contains("are for signed-in members", asVisitor.TextOf(".empty-state"), StringComparison.Ordinal);
        foreach (var page in new[] { asVisitor, allAsVisitor })
        {
            Assert.DoesNotContain(title, page.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(replier.DisplayName, page.Text, StringComparison.Ordinal);
        }
        Assert.Equal(replier.DisplayName, LastReplier(asMember, path));
    }

    [Fact]
    public async Task TopicFilterAndTopicPage_OfATopicWithNoStories_SayYoursCouldBeTheFirst_AndLinkToStartOne()
    {
        var slug = await AddTopicAsync(membersOnly: false);
        using var visitor = forum.CreateForumClient();

        var page = await visitor.GetOkAsync($"/?topic={slug}");
        var topic = await visitor.GetOkAsync($"/t/{slug}");

        Assert.Empty(Rows(page));
        Assert.StartsWith($"No stories about empty {slug} yet. Yours could be the first.", page.TextOf(".empty-state"), StringComparison.Ordinal);
        Assert.Equal($"/t/{slug}/new", page.Document.QuerySelector(".empty-state a")!.GetAttribute("href"));
        Assert.Equal($"No stories about empty {slug} yet. Yours could be the first.", topic.TextOf(".empty-state"));
        Assert.Null(topic.Document.QuerySelector(".empty-state")!.GetAttribute("hidden"));
        Assert.Equal($"/t/{slug}/new", topic.Document.QuerySelector(".page-heading a.button")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/?topic=no-such-topic")]
    [InlineData("/?page=999")]
    public async Task Home_WithAnUnknownTopicOrPage_AnswersNotFound(string path)
    {
        var page = await forum.CreateForumClient().GetAsync(path);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, page.Status);
    }

    [Fact]
    public async Task Welcome_IsForVisitorsOnly_AndSaysTheForumIsNotMedicalAdvice()
    {
        var member = await Members.RegisterConfirmedAsync(forum);

        var visitorsHome = await forum.CreateForumClient().GetOkAsync("/");
        var membersHome = await member.Client.GetOkAsync("/");

        Assert.Contains("It is not medical advice.", visitorsHome.TextOf(".welcome"), StringComparison.Ordinal);
        Assert.Null(membersHome.Document.QuerySelector(".welcome"));
    }

    private static string Unique(string text) => $"{text} {Guid.NewGuid():N}"[..(text.Length + 9)];

    private static IEnumerable<IElement> Rows(ForumClient.Page page) => page.Document.QuerySelectorAll(".latest li.thread-row");

    private static IElement? Row(ForumClient.Page page, string path) =>
        Rows(page).SingleOrDefault(r => r.QuerySelector(".thread-title a")!.GetAttribute("href") == path);

    private static string? LastReplier(ForumClient.Page page, string path) =>
        Row(page, path)?.QuerySelector(".last-reply .member-name")?.TextContent.Trim();

    private static int LastPostId(ForumClient.Page threadPage) =>
        int.Parse(threadPage.Document.QuerySelectorAll("article.post")[^1].Id!["post-".Length..], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A topic of this test's own (straight in the database), named "Empty {slug}".</summary>
    private async Task<string> AddTopicAsync(bool membersOnly)
    {
        var slug = $"latest-{Guid.NewGuid():N}"[..15];
        await ModerationState.QueryAsync(forum, async db =>
        {
            db.Topics.Add(new Topic { Slug = slug, Name = $"Empty {slug}", Description = "A topic for the latest tests.", SortOrder = 100, MembersOnly = membersOnly });
            return await db.SaveChangesAsync();
        });
        return slug;
    }
}
