using System.Globalization;
using System.Net;
using PatientForum.Tests.Infrastructure;
using static PatientForum.Tests.Features.MembersOnly.MembersOnlyThreads;

namespace PatientForum.Tests.Features.MembersOnly;

/// <summary>
/// The visitors' page cache never holds a members-only thread: its pages are never stored, and a visitor's cached home
/// and topic pages never list it, before it is posted, after, or after a public thread becomes members-only.
/// </summary>
public sealed class MembersOnlyPageCacheTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    private const string Topic = "injections";

    [Fact]
    public async Task VisitorsCachedPages_BeforeAndAfterAMembersOnlyThreadIsPosted_AndAfterAPublicOneIsClosed_NeverShowIt()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        using var visitor = factory.CreateForumClient();
        await visitor.GetOkAsync($"/t/{Topic}");
        var cachedTopic = await visitor.GetOkAsync($"/t/{Topic}");
        await visitor.GetOkAsync("/");
        var countBefore = ThreadCount(await visitor.GetOkAsync("/"));

        var secret = Unique("Cortisone and a secret");
        await StartAsync(author, Topic, secret, "For members only.");
        var topicAfterSecret = await visitor.GetOkAsync($"/t/{Topic}");
        var homeAfterSecret = await visitor.GetOkAsync("/");

        var opened = Unique("An open thread for now");
        var openPath = await Compose.StartThreadPathAsync(author, Topic, opened, "Public at first.");
        var topicWithOpen = await visitor.GetOkAsync($"/t/{Topic}");
        await visitor.GetOkAsync(openPath);
        var cachedOpen = await visitor.GetOkAsync(openPath);
        await visitor.GetOkAsync($"/t/{Topic}");

        await SwitchAsync(author, openPath, "Members");
        var closedThread = await visitor.GetAsync(openPath);
        var closedAgain = await visitor.GetAsync(openPath);
        var topicAfterClose = await visitor.GetOkAsync($"/t/{Topic}");
        var homeAfterClose = await visitor.GetOkAsync("/");

        Assert.NotNull(cachedTopic.Response.Headers.Age);
        Assert.DoesNotContain(secret, topicAfterSecret.Text, StringComparison.Ordinal);
        Assert.Equal(countBefore, ThreadCount(homeAfterSecret));
        Assert.Contains(opened, topicWithOpen.Text, StringComparison.Ordinal);
        Assert.NotNull(cachedOpen.Response.Headers.Age);
        Assert.Equal(HttpStatusCode.Unauthorized, closedThread.Status);
        Assert.Null(closedThread.Response.Headers.Age);
        Assert.Null(closedAgain.Response.Headers.Age);
        Assert.DoesNotContain(opened, closedThread.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(opened, topicAfterClose.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, topicAfterClose.Text, StringComparison.Ordinal);
        Assert.Equal(countBefore, ThreadCount(homeAfterClose));
    }

    [Fact]
    public async Task MembersOnlyThread_OpenedByAMember_IsNotServedToAVisitorLater()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var title = Unique("Read by a member first");
        var path = await StartAsync(author, Topic, title, "Members only.");
        await author.Client.GetOkAsync(path);

        using var visitor = factory.CreateForumClient();
        var first = await visitor.GetAsync(path);
        var second = await visitor.GetAsync(path);

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (first.Status, second.Status));
        Assert.DoesNotContain(title, second.Text, StringComparison.Ordinal);
    }

    /// <summary>The number of threads the home page gives for the topic ("12 threads · latest activity …").</summary>
    private static int ThreadCount(ForumClient.Page home)
    {
        var card = home.Document.QuerySelectorAll(".topic-card").Single(c => c.QuerySelector($"a[href='/t/{Topic}']") is not null);
        var muted = card.QuerySelectorAll("p.muted");
        var text = muted[^1].TextContent.Trim();
        return int.Parse(text.Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
