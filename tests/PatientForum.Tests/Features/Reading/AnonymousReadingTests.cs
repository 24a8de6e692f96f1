using System.Globalization;
using System.Text.RegularExpressions;
using PatientForum.Tests.Features.Seeding;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Reading;

/// <summary>What a visitor who has not signed in sees on the home, topic, thread and guide pages.</summary>
public sealed partial class AnonymousReadingTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    private const string GuideAuthor = "The guide’s author";

    [Fact]
    public async Task Home_AfterAMemberStartsAThread_ListsTheFourTopicsInOrderWithCountsAndLatestActivity()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var visitor = factory.CreateForumClient();
        var countsBefore = TopicCounts(await visitor.GetOkAsync("/"));
        var startedAt = DateTime.UtcNow.AddSeconds(-1);
        await Compose.StartThreadPathAsync(member, "rehab", "Counting the rehab threads", "Week one of physio went well.");

        var home = await visitor.GetOkAsync("/");

        var cards = home.Document.QuerySelectorAll("li.topic-card");
        Assert.Equal(["Injections", "Biologics", "Surgical referral", "Rehab"], cards.Select(c => c.QuerySelector("h3 a")!.TextContent.Trim()));
        Assert.Equal(["/t/injections", "/t/biologics", "/t/surgical-referral", "/t/rehab"], cards.Select(c => c.QuerySelector("h3 a")!.GetAttribute("href")));
        var countsAfter = TopicCounts(home);
        Assert.Equal(countsBefore["Rehab"] + 1, countsAfter["Rehab"]);
        foreach (var name in new[] { "Injections", "Biologics", "Surgical referral" })
        {
            Assert.Equal(countsBefore[name], countsAfter[name]);
        }
        foreach (var (slug, name) in new[] { ("injections", "Injections"), ("biologics", "Biologics"), ("surgical-referral", "Surgical referral"), ("rehab", "Rehab") })
        {
            Assert.Equal((await ReadingPages.AllTopicRowsAsync(visitor, slug)).Count, countsAfter[name]);
        }
        var latest = cards.Select(c => ReadingPages.AssertAbsoluteTime(c.QuerySelector(".muted time"))).ToList();
        Assert.True(latest[3] >= startedAt, $"Rehab's latest activity {latest[3]:O} is older than the thread started at {startedAt:O}.");
    }

    [Fact]
    public async Task TopicPage_AfterAReplyToTheOlderOfTwoThreads_ListsPinnedFirstThenTheRepliedThreadFirst()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var older = await Compose.StartThreadPathAsync(member, "surgical-referral", "Older: waiting for my referral", "Six weeks so far.");
        var newer = await Compose.StartThreadPathAsync(member, "surgical-referral", "Newer: questions for the surgeon", "What should I ask?");
        await Compose.ReplyAsync(member, older, "The letter came today.");

        var rows = await ReadingPages.AllTopicRowsAsync(factory.CreateForumClient(), "surgical-referral");

        var pinned = rows.TakeWhile(r => r.IsPinned).ToList();
        Assert.Equal(
            GuideSeedFiles.Read().Where(f => f.Topic == "surgical-referral").Select(f => f.Title),
            pinned.Select(r => r.Title));
        Assert.DoesNotContain(rows.Skip(pinned.Count), r => r.IsPinned);
        Assert.Equal([older, newer], rows.Skip(pinned.Count).Take(2).Select(r => r.Href));
    }

    [Fact]
    public async Task ThreadPage_WithRepliesFromTwoMembers_ShowsOpeningPostThenRepliesInOrderWithAuthorsAndTimes()
    {
        var alice = await Members.RegisterConfirmedAsync(factory);
        var bob = await Members.RegisterConfirmedAsync(factory);
        var path = await Compose.StartThreadPathAsync(alice, "injections", "My first trigger point injection", "It stung for a minute.");
        await Compose.ReplyAsync(bob, path, "Mine stung too.");
        await Compose.ReplyAsync(alice, path, "The ache faded by the evening.");

        var page = await factory.CreateForumClient().GetOkAsync(path);

        var posts = page.Document.QuerySelectorAll("article.post");
        Assert.Equal(["It stung for a minute.", "Mine stung too.", "The ache faded by the evening."], ReadingPages.PostBodies(page));
        Assert.Equal([alice.DisplayName, bob.DisplayName, alice.DisplayName], page.TextsOf("article.post .post-author"));
        Assert.Equal([true, false, false], posts.Select(p => p.ClassList.Contains("post-opening")));
        var times = posts.Select(p => ReadingPages.AssertAbsoluteTime(p.QuerySelector(".post-time time"))).ToList();
        Assert.Equal(times.Order(), times);
    }

    [Fact]
    public async Task GuideThreads_Anonymous_ShowTheGuidesSystemAuthorOnTheOpeningPost()
    {
        var visitor = factory.CreateForumClient();
        var guide = await visitor.GetOkAsync("/guide");
        var links = guide.Document.QuerySelectorAll(".guide-list > li > a:first-child").Select(a => a.GetAttribute("href")!).ToList();

        var authors = new List<string?>();
        foreach (var link in links)
        {
            var thread = await visitor.GetOkAsync(link);
            authors.Add(thread.TextOf("article.post-opening .post-author"));
            ReadingPages.AssertAbsoluteTime(thread.Document.QuerySelector("article.post-opening .post-time time"));
        }

        Assert.Equal(GuideSeedFiles.Read().Count, links.Count);
        Assert.All(authors, author => Assert.Equal(GuideAuthor, author));
    }

    [Fact]
    public async Task GuidePage_Anonymous_ListsThePartsInSeedOrderInTheirTopics()
    {
        var seed = GuideSeedFiles.Read();

        var guide = await factory.CreateForumClient().GetOkAsync("/guide");

        var items = guide.Document.QuerySelectorAll(".guide-list > li");
        Assert.Equal(seed.Select(f => f.Title), items.Select(li => li.QuerySelector("a")!.TextContent.Trim()));
        Assert.Equal(seed.Select(f => $"/t/{f.Topic}"), items.Select(li => li.QuerySelector(".muted a")!.GetAttribute("href")));
    }

    [Fact]
    public async Task PublicPages_AfterAMemberPosted_NeverShowTheMembersEmailAddress()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var path = await Compose.StartThreadPathAsync(member, "biologics", "PRP for my tennis elbow", "Three sessions, some relief.");
        var visitor = factory.CreateForumClient();
        var guidePart = (await visitor.GetOkAsync("/guide")).Document.QuerySelector(".guide-list a")!.GetAttribute("href")!;
        await Compose.ReplyAsync(member, guidePart, "Reading this before my own injection.");
        var localPart = member.Email.Split('@')[0];

        var pages = new List<ForumClient.Page>();
        foreach (var url in new[] { "/", "/t/biologics", path, "/guide", guidePart })
        {
            pages.Add(await visitor.GetOkAsync(url));
        }

        Assert.Contains(member.DisplayName, pages[2].Text, StringComparison.Ordinal);
        Assert.Contains(member.DisplayName, pages[4].Text, StringComparison.Ordinal);
        Assert.All(pages, page =>
        {
            Assert.DoesNotContain(member.Email, page.Text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(localPart, page.Text, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task ThreadAndGuidePages_WithHeadingsInTheirPosts_HaveTheTitleAsTheirOnlyH1_AndPostHeadingsOneLevelBelow()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var path = await Compose.StartThreadPathAsync(member, "rehab", "Headings in my rehab diary",
            "# Week one\n\nGentle stretches.\n\n## Day two\n\nSore.\n\n<h1 title=\"raw\">Week two</h1>\n\n###### Notes");
        var visitor = factory.CreateForumClient();
        var guidePart = (await visitor.GetOkAsync("/guide")).Document.QuerySelector(".guide-list a")!.GetAttribute("href")!;

        var thread = await visitor.GetOkAsync(path);
        var guide = await visitor.GetOkAsync(guidePart);

        Assert.Equal(["Headings in my rehab diary"], thread.Document.QuerySelectorAll("h1").Select(h => h.TextContent.Trim()));
        var body = thread.Document.QuerySelector("article.post .post-body")!;
        Assert.Equal(["H2 Week one", "H3 Day two", "H2 Week two", "H6 Notes"],
            body.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(h => $"{h.TagName} {h.TextContent.Trim()}"));
        Assert.Equal("raw", body.QuerySelectorAll("h2")[1].GetAttribute("title"));
        // The guide's parts open with a "# " heading of their own; on the page it sits under the part's title.
        Assert.Single(guide.Document.QuerySelectorAll("h1"));
        Assert.NotEmpty(guide.Document.QuerySelectorAll("article.post .post-body h2"));
    }

    /// <summary>Topic name to the thread count its card shows ("12 threads", "1 thread").</summary>
    private static Dictionary<string, int> TopicCounts(ForumClient.Page home) =>
        home.Document.QuerySelectorAll("li.topic-card").ToDictionary(
            card => card.QuerySelector("h3 a")!.TextContent.Trim(),
            card => int.Parse(CountPattern().Match(card.QuerySelector("p.muted")!.TextContent).Groups[1].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"(\d+) threads?\b")]
    private static partial Regex CountPattern();
}
