using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;
using static PatientForum.Tests.Features.Feeds.Feeding;

namespace PatientForum.Tests.Features.Feeds;

/// <summary>
/// The feeds as a feed reader reads them: both formats parse, each entry is what the database holds (title, link,
/// author, excerpt, times), a reader that has the current copy is answered 304, and a change reaches a cached feed.
/// </summary>
public sealed class FeedTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    [Fact]
    public async Task SiteAndTopicFeeds_InBothFormats_ListTheNewestPublicThreads_AsTheDatabaseHoldsThem()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var title = MembersOnly.MembersOnlyThreads.Unique("Feed: six weeks of physio");
        var path = await Compose.StartThreadPathAsync(author, "rehab", title, "Six weeks of **physio** after the injection.\n\nIt helped.");
        var visitor = factory.CreateForumClient();

        foreach (var (feedPath, topic) in new[] { ("/feed", (string?)null), ("/t/rehab/feed", "rehab") })
        {
            var expected = await NewestPublicThreadsAsync(topic);
            foreach (var format in Formats)
            {
                var (_, feed) = await LoadAsync(visitor, $"{feedPath}.{format}");

                Assert.Equal(expected.Select(t => t.Title), feed.Items.Select(i => i.Title.Text));
                var item = feed.Items.Single(i => i.Title.Text == title);
                Assert.Equal(PublicUrl(factory) + path, LinkOf(item));
                Assert.Equal(author.DisplayName, AuthorOf(item));
                Assert.Equal("Six weeks of physio after the injection. It helped.", item.Summary.Text);
                var created = expected.Single(t => t.Title == title).CreatedAt;
                Assert.Equal(Seconds(created), Seconds(item.PublishDate.UtcDateTime));
                Assert.Equal(Seconds(expected.Max(t => t.CreatedAt)), Seconds(feed.LastUpdatedTime.UtcDateTime));
            }
        }
    }

    [Fact]
    public async Task ThreadFeed_InBothFormats_ListsItsRepliesNewestFirst_UpdatedWhenEdited()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var replier = await Members.RegisterConfirmedAsync(factory);
        var path = await Compose.StartThreadPathAsync(author, "biologics", MembersOnly.MembersOnlyThreads.Unique("Feed: first biologic"), "Opening words.");
        await Compose.ReplyAsync(replier, path, "First reply: the nurse was kind.");
        await Compose.ReplyAsync(author, path, "Second reply: thank you.");
        var threadId = Compose.ThreadId(path);
        var firstReply = await ModerationState.QueryAsync(factory, db => db.Posts.Where(p => p.ThreadId == threadId && !p.IsOpening).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var edit = await replier.Client.GetOkAsync($"/posts/{firstReply}/edit");
        await replier.Client.SubmitAsync(edit, "form.composer", new Dictionary<string, string?> { ["Body"] = "First reply, edited: the nurse was kind." });
        var replies = await ModerationState.QueryAsync(factory, db => db.Posts.Where(p => p.ThreadId == threadId && !p.IsOpening).OrderByDescending(p => p.Id)
            .Select(p => new { p.Id, p.CreatedAt, p.EditedAt }).ToListAsync());

        foreach (var format in Formats)
        {
            var (_, feed) = await LoadAsync(factory.CreateForumClient(), $"/threads/{threadId}/feed.{format}");

            Assert.Equal(replies.Select(r => $"{PublicUrl(factory)}/posts/{r.Id}"), feed.Items.Select(LinkOf));
            Assert.Equal([author.DisplayName, replier.DisplayName], feed.Items.Select(AuthorOf));
            Assert.Equal(["Second reply: thank you.", "First reply, edited: the nurse was kind."], feed.Items.Select(i => i.Summary.Text));
            var edited = feed.Items.Last();
            Assert.Equal(Seconds(replies[^1].CreatedAt), Seconds(edited.PublishDate.UtcDateTime));
            if (format == "atom")
            {
                // RSS has no updated time of its own; Atom's is when the entry last changed.
                Assert.Equal(Seconds(replies[^1].EditedAt!.Value), Seconds(edited.LastUpdatedTime.UtcDateTime));
                Assert.Equal(Seconds(replies[^1].EditedAt!.Value), Seconds(feed.LastUpdatedTime.UtcDateTime));
            }
        }
    }

    [Fact]
    public async Task ThreadAndSiteFeeds_ServedFromTheCache_ShowANewReplyAndThreadAtOnce()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var path = await Compose.StartThreadPathAsync(member, "injections", MembersOnly.MembersOnlyThreads.Unique("Feed: cached"), "Opening.");
        var feedPath = $"/threads/{Compose.ThreadId(path)}/feed.atom";
        var visitor = factory.CreateForumClient();
        await LoadAsync(visitor, feedPath);
        await LoadAsync(visitor, "/feed.rss");
        var (cached, before) = await LoadAsync(visitor, feedPath);
        var (cachedSite, _) = await LoadAsync(visitor, "/feed.rss");
        Assert.NotNull(cached.Response.Headers.Age);
        Assert.NotNull(cachedSite.Response.Headers.Age);
        Assert.Empty(before.Items);

        await Compose.ReplyAsync(member, path, "A reply the cached feed has not seen.");
        var newer = MembersOnly.MembersOnlyThreads.Unique("Feed: a newer thread");
        await Compose.StartThreadPathAsync(member, "injections", newer, "Newer.");

        var (_, after) = await LoadAsync(visitor, feedPath);
        var (_, site) = await LoadAsync(visitor, "/feed.rss");
        Assert.Equal("A reply the cached feed has not seen.", Assert.Single(after.Items).Summary.Text);
        Assert.Equal(newer, site.Items.First().Title.Text);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Feed_PolledWithItsETagOrLastModified_Answers304_UntilItChanges(bool signedIn)
    {
        // A visitor's feed comes from the page cache after the first request; a member's is rendered every time.
        var member = await Members.RegisterConfirmedAsync(factory);
        var path = await Compose.StartThreadPathAsync(member, "rehab", MembersOnly.MembersOnlyThreads.Unique("Feed: polled"), "Opening.");
        await Compose.ReplyAsync(member, path, "A reply to poll for.");
        var feedPath = $"/threads/{Compose.ThreadId(path)}/feed.rss";
        var client = signedIn ? member.Client : factory.CreateForumClient();
        await LoadAsync(client, feedPath);
        var (first, _) = await LoadAsync(client, feedPath);
        var etag = first.Response.Headers.ETag!;
        var lastModified = first.Response.Content.Headers.LastModified!.Value;
        Assert.Equal(signedIn, first.Response.Headers.Age is null);

        using var sameTag = await ConditionalAsync(client, feedPath, r => r.Headers.IfNoneMatch.Add(etag));
        using var sameTime = await ConditionalAsync(client, feedPath, r => r.Headers.IfModifiedSince = lastModified);
        using var otherTag = await ConditionalAsync(client, feedPath, r => r.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"other\"")));
        using var earlier = await ConditionalAsync(client, feedPath, r => r.Headers.IfModifiedSince = lastModified.AddSeconds(-1));

        Assert.Equal(HttpStatusCode.NotModified, sameTag.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, sameTime.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherTag.StatusCode);
        Assert.Equal(HttpStatusCode.OK, earlier.StatusCode);

        await Compose.ReplyAsync(member, path, "A newer reply changes the feed.");
        using var changed = await ConditionalAsync(client, feedPath, r => r.Headers.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        // HTTP dates count whole seconds: a reply in the same second as the last one keeps the date (the ETag still changes).
        Assert.True(changed.Content.Headers.LastModified >= lastModified);
    }

    [Fact]
    public async Task ProfileFeed_ListsTheMembersPosts_AnotherSpellingRedirects_UnknownOrUnconfirmedIsNotFound()
    {
        var member = await Members.RegisterConfirmedAsync(factory, Members.UniqueName("Feed Poster"));
        var title = MembersOnly.MembersOnlyThreads.Unique("Feed: my profile");
        var path = await Compose.StartThreadPathAsync(member, "rehab", title, "My story.");
        await Compose.ReplyAsync(member, path, "And an update.");
        var unconfirmed = await Members.RegisterAsync(factory);
        var visitor = factory.CreateForumClient(followRedirects: false);
        var own = $"/u/{Uri.EscapeDataString(member.DisplayName)}/feed.atom";

        var (_, feed) = await LoadAsync(visitor, own);
        // A look-alike spelling (a Cyrillic "о"): the page cache compares paths without case, so a spelling that differs
        // only in case may be answered with the cached feed itself, which is as good.
        var redirect = await visitor.GetAsync($"/u/{Uri.EscapeDataString(member.DisplayName.Replace('o', '\u043E'))}/feed.atom");
        var unknown = await visitor.GetAsync("/u/nobody-by-this-name/feed.rss");
        var notConfirmed = await visitor.GetAsync($"/u/{Uri.EscapeDataString(unconfirmed.DisplayName)}/feed.rss");

        Assert.Equal([$"Re: {title}", title], feed.Items.Select(i => i.Title.Text));
        Assert.All(feed.Items, item => Assert.Equal(member.DisplayName, AuthorOf(item)));
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.Status);
        Assert.Equal(own, redirect.Response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal(HttpStatusCode.NotFound, notConfirmed.Status);
    }

    [Fact]
    public async Task FeedExcerpt_OfAPostWithAPhoneNumber_LeavesTheNumberOut()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var title = MembersOnly.MembersOnlyThreads.Unique("Feed: ring the clinic");
        await Compose.StartThreadPathAsync(member, "rehab", title, "The physio said ring me on 07700 900461 after six if it flares.");

        var (_, feed) = await LoadAsync(factory.CreateForumClient(), "/t/rehab/feed.rss");

        var summary = feed.Items.Single(i => i.Title.Text == title).Summary.Text;
        Assert.Equal("The physio said ring me on […] after six if it flares.", summary);
    }

    [Fact]
    public async Task FeedExcerpt_OfAWarnedPost_IsItsWarning_NeverItsText()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var title = MembersOnly.MembersOnlyThreads.Unique("Feed: warned");
        await ContentWarnings.ContentWarning.StartWarnedThreadAsync(member, "injections", title, "The needle went in twice before it found the joint.", "needles");

        var (_, feed) = await LoadAsync(factory.CreateForumClient(), "/t/injections/feed.atom");

        var entry = feed.Items.Single(i => i.Title.Text == title);
        Assert.Equal("Content warning: needles", entry.Summary.Text);
    }

    private async Task<List<(string Title, DateTime CreatedAt)>> NewestPublicThreadsAsync(string? topic)
    {
        var rows = await ModerationState.QueryAsync(factory, db => db.Threads
            .Where(t => !t.IsHidden && t.Audience == ThreadAudience.Public && !t.Topic!.MembersOnly && (topic == null || t.Topic.Slug == topic))
            .OrderByDescending(t => t.Id).Take(20)
            .Select(t => new { t.Title, t.CreatedAt })
            .ToListAsync());
        return rows.Select(r => (r.Title, r.CreatedAt)).ToList();
    }

    private static long Seconds(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeSeconds();
}
