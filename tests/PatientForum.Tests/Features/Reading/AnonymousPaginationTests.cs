using System.Net;
using PatientForum.Tests.Features.Seeding;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Reading;

/// <summary>
/// Thread and topic pages split into pages of <see cref="SmallPagesForumFactory.PageSize"/>. Each test keeps to its
/// own topic of the shared forum, so the counts below are known.
/// </summary>
public sealed class AnonymousPaginationTests(SmallPagesForumFactory factory) : IClassFixture<SmallPagesForumFactory>
{
    [Fact]
    public async Task ThreadPage_WithTwelveRepliesAndFivePostsPerPage_ShowsEveryPostOnceAcrossThreePages()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var path = await Compose.StartThreadPathAsync(member, "rehab", "Twelve weeks of rehab, week by week", "The plan for the next twelve weeks.");
        var replies = Enumerable.Range(1, 12).Select(i => $"Reply {i:00}: week {i} of rehab.").ToList();
        foreach (var reply in replies)
        {
            await Compose.ReplyAsync(member, path, reply);
        }
        var visitor = factory.CreateForumClient();

        var first = await visitor.GetOkAsync(path);
        var pages = new List<IReadOnlyList<string>> { ReadingPages.PostBodies(first) };
        for (var number = 2; number <= 3; number++)
        {
            pages.Add(ReadingPages.PostBodies(await visitor.GetOkAsync($"{path}?page={number}")));
        }
        var beyond = await visitor.GetAsync($"{path}?page=4");

        Assert.Equal([1, 2, 3], ReadingPages.PagerNumbers(first));
        Assert.Equal(replies[4..9], pages[1]);
        Assert.Equal([5, 5, 3], pages.Select(p => p.Count));
        Assert.Equal(["The plan for the next twelve weeks.", .. replies], pages.SelectMany(p => p));
        Assert.Equal(HttpStatusCode.NotFound, beyond.Status);
    }

    [Fact]
    public async Task TopicPage_WithTwelveThreadsAndFivePerPage_ShowsEveryThreadOnceAcrossThreePages()
    {
        // Only this test starts threads in Biologics on this forum, so the topic holds the guide's parts and ours.
        const string topic = "biologics";
        var pinned = GuideSeedFiles.Read().Where(f => f.Topic == topic).Select(f => f.Title).ToList();
        var member = await Members.RegisterConfirmedAsync(factory);
        var started = new List<string>();
        while (pinned.Count + started.Count < 12)
        {
            var title = $"My biologics story number {started.Count + 1:00}";
            await Compose.StartThreadPathAsync(member, topic, title, "PRP, then waiting.");
            started.Add(title);
        }
        var expected = pinned.Concat(Enumerable.Reverse(started)).ToList();
        var visitor = factory.CreateForumClient();

        var first = await visitor.GetOkAsync($"/t/{topic}");
        var pages = new List<IReadOnlyList<TopicRow>> { ReadingPages.TopicRows(first) };
        for (var number = 2; number <= 3; number++)
        {
            pages.Add(ReadingPages.TopicRows(await visitor.GetOkAsync($"/t/{topic}?page={number}")));
        }
        var beyond = await visitor.GetAsync($"/t/{topic}?page=4");

        Assert.Equal([1, 2, 3], ReadingPages.PagerNumbers(first));
        Assert.Equal(expected[5..10], pages[1].Select(r => r.Title));
        Assert.Equal([5, 5, 2], pages.Select(p => p.Count));
        Assert.Equal(expected, pages.SelectMany(p => p).Select(r => r.Title));
        Assert.Equal(HttpStatusCode.NotFound, beyond.Status);
    }
}
