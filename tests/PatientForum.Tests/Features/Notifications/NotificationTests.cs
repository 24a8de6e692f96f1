using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Notifications;
using static PatientForum.Tests.Features.Notifications.Notifying;

namespace PatientForum.Tests.Features.Notifications;

/// <summary>Who hears of a post, and how it reads on the bell and the notifications page.</summary>
public sealed class NotificationTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    [Fact]
    public async Task Reply_InThreadTheMemberStarted_ShowsOnTheirBellAndPage_NotOnTheRepliersOwn()
    {
        var starter = await Members.RegisterConfirmedAsync(factory);
        var replier = await Members.RegisterConfirmedAsync(factory);
        var title = Unique("Steroid injection, week two");
        var path = await Compose.StartThreadPathAsync(starter, "injections", title, "How long did the flare last for you?");

        await Compose.ReplyAsync(replier, path, "Three days, then it eased.");
        await SettledAsync(factory);

        Assert.Equal(1, await BellAsync(starter));
        Assert.Equal([$"{replier.DisplayName} replied in “{title}”"], await EntriesAsync(starter));
        Assert.Equal(0, await BellAsync(replier));
        Assert.Empty(await EntriesAsync(replier));
    }

    [Fact]
    public async Task ManyReplies_InOneWatchedThread_AreOneEntry_AndOpeningItGoesToTheFirstAndReadsThemAll()
    {
        var starter = await Members.RegisterConfirmedAsync(factory);
        var replier = await Members.RegisterConfirmedAsync(factory);
        var title = Unique("Biologics and travel");
        var path = await Compose.StartThreadPathAsync(starter, "biologics", title, "Cool bags?");
        var first = await Compose.ReplyAsync(replier, path, "First tip.");
        var firstId = first.Document.QuerySelectorAll("article.post")[^1].Id;
        await Compose.ReplyAsync(replier, path, "Second tip.");
        await Compose.ReplyAsync(replier, path, "Third tip.");
        await SettledAsync(factory);

        Assert.Equal([$"3 new replies in “{title}”"], await EntriesAsync(starter));
        Assert.Equal(1, await BellAsync(starter));

        var opened = await starter.Client.GetOkAsync((await LinksAsync(starter))[0]);
        Assert.Equal(title, opened.TextOf("h1"));
        Assert.EndsWith("#" + firstId, opened.Response.RequestMessage!.RequestUri!.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await BellAsync(starter));
        Assert.Single(await EntriesAsync(starter));
    }

    [Fact]
    public async Task Mention_OfADisplayNameWithSpaces_InAnyCase_NotifiesThatMember_NotOneWithAShorterName()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var named = await Members.RegisterConfirmedAsync(factory, $"Ann Lee {suffix}");
        var shorter = await Members.RegisterConfirmedAsync(factory, $"Ann {suffix}x");
        var author = await Members.RegisterConfirmedAsync(factory);
        var title = Unique("Physio homework");

        await Compose.StartThreadAsync(author, "rehab", title, $"Thanks @ann lee {suffix.ToUpperInvariant()} for the band exercises. `@Ann {suffix}x` in code is not a mention.");
        await SettledAsync(factory);

        Assert.Equal([$"{author.DisplayName} mentioned you in “{title}”"], await EntriesAsync(named));
        Assert.Empty(await EntriesAsync(shorter));
    }

    /// <summary>The reply holds exactly what the thread page's Quote button writes (see QuoteFormat and quote.js).</summary>
    [Fact]
    public async Task Quote_AsTheQuoteButtonWritesIt_NotifiesTheQuotedAuthorAsAQuote_AndShowsABlockquoteLinkingBack()
    {
        var quoted = await Members.RegisterConfirmedAsync(factory);
        var quoter = await Members.RegisterConfirmedAsync(factory);
        var (path, replyId) = await Moderating.ThreadWithReplyAsync(quoted, "Ice for ten minutes.\nNever on bare skin.");
        var title = (await quoted.Client.GetOkAsync(path)).TextOf("h1");

        var page = await Compose.ReplyAsync(quoter, path, QuoteFormat.Of(quoted.DisplayName, replyId, "Ice for ten minutes.\nNever on bare skin.") + "This helped me too.");
        await SettledAsync(factory);

        Assert.Equal([$"{quoter.DisplayName} quoted you in “{title}”"], await EntriesAsync(quoted));
        var reply = page.Document.QuerySelectorAll("article.post")[^1];
        var quote = reply.QuerySelector(".post-body > blockquote");
        Assert.NotNull(quote);
        Assert.Equal(quoted.DisplayName, quote.QuerySelector("p:first-child > strong")?.TextContent);
        Assert.Equal("wrote", quote.QuerySelector($"p:first-child > a[href='/posts/{replyId}']")?.TextContent);
        Assert.Contains("Never on bare skin.", quote.TextContent, StringComparison.Ordinal);
        Assert.Equal("This helped me too.", reply.QuerySelector(".post-body > p")?.TextContent.Trim());
    }

    [Fact]
    public async Task MutedThread_GetsNoNotification_EvenForAMention()
    {
        var starter = await Members.RegisterConfirmedAsync(factory);
        var replier = await Members.RegisterConfirmedAsync(factory);
        var path = await Compose.StartThreadPathAsync(starter, "rehab", Unique("Too many replies"), "Opening.");
        var threadId = Compose.ThreadId(path);
        var form = await starter.Client.GetOkAsync(path);
        var muted = await starter.Client.SubmitAsync(form, $"form[action='/threads/{threadId}/watch']", new Dictionary<string, string?> { ["level"] = "Muted" });
        Assert.Equal(HttpStatusCode.OK, muted.Status);
        Assert.Equal("Muted", muted.Document.QuerySelector("input[name=level][checked]")?.GetAttribute("value"));

        await Compose.ReplyAsync(replier, path, $"Hello @{starter.DisplayName}.");
        await SettledAsync(factory);

        Assert.Empty(await EntriesAsync(starter));
    }

    [Fact]
    public async Task WatchedTopic_NewThreadAndItsReplies_NotifyTheWatcher()
    {
        var watcher = await Members.RegisterConfirmedAsync(factory);
        var starter = await Members.RegisterConfirmedAsync(factory);
        var replier = await Members.RegisterConfirmedAsync(factory);
        var topic = await watcher.Client.GetOkAsync("/t/surgical-referral");
        await watcher.Client.SubmitAsync(topic, "form[action='/t/surgical-referral/watch']", new Dictionary<string, string?>());
        Assert.Contains("Stop watching", (await watcher.Client.GetOkAsync("/t/surgical-referral")).TextOf("form.watch-control button"), StringComparison.Ordinal);

        var title = Unique("Waiting list for a shoulder consult");
        var path = await Compose.StartThreadPathAsync(starter, "surgical-referral", title, "Eight months so far.");
        await Compose.ReplyAsync(replier, path, "Ask your GP to chase it.");
        await SettledAsync(factory);

        Assert.Equal([$"{replier.DisplayName} replied in “{title}”", $"{starter.DisplayName} started “{title}”"], await EntriesAsync(watcher));
    }

    [Fact]
    public async Task HiddenReply_BeforeItWasRead_IsWithdrawn_AndItsAuthorIsToldWithTheReason()
    {
        var starter = await Members.RegisterConfirmedAsync(factory);
        var replier = await Members.RegisterConfirmedAsync(factory);
        var moderator = await Staff.ModeratorAsync(factory);
        var title = Unique("Clinic names");
        var path = await Compose.StartThreadPathAsync(starter, "rehab", title, "Which clinics?");
        var reply = await Compose.ReplyAsync(replier, path, "Dr Smith at the named clinic, room 4.");
        var replyId = int.Parse(reply.Document.QuerySelectorAll("article.post")[^1].Id!["post-".Length..], System.Globalization.CultureInfo.InvariantCulture);
        await SettledAsync(factory);
        Assert.Equal(1, await BellAsync(starter));

        await Moderating.ActAsync(moderator, replyId, "hide", "Names a clinician");

        Assert.Equal(0, await BellAsync(starter));
        Assert.Empty(await EntriesAsync(starter));
        Assert.Equal([$"A moderator hid your post in “{title}”"], await EntriesAsync(replier));
        Assert.Contains("Reason: Names a clinician", (await replier.Client.GetOkAsync("/notifications")).TextOf(".notification-list li"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HiddenThread_LeavesNoEntryOnAWatchersPage_ReadOrUnread()
    {
        var starter = await Members.RegisterConfirmedAsync(factory);
        var watcher = await Members.RegisterConfirmedAsync(factory);
        var moderator = await Staff.ModeratorAsync(factory);
        var title = Unique("Named a clinic in the title");
        var path = await Compose.StartThreadPathAsync(starter, "rehab", title, "Opening.");
        await Compose.ReplyAsync(watcher, path, "I watch this now.");
        await Compose.ReplyAsync(starter, path, "First answer.");
        await SettledAsync(factory);
        await watcher.Client.GetOkAsync(path);
        await Compose.ReplyAsync(starter, path, "Second answer.");
        await SettledAsync(factory);
        Assert.Equal(2, (await EntriesAsync(watcher)).Count);

        await Moderating.ActAsync(moderator, await ModerationState.OpeningPostIdAsync(starter.Client, path), "hide", "Names a clinic");

        Assert.Empty(await EntriesAsync(watcher));
        Assert.Equal(0, await BellAsync(watcher));
        Assert.DoesNotContain(title, (await watcher.Client.GetOkAsync("/notifications")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreadMarker_OnTheTopicPage_CountsNewReplies_AndLeadsToTheFirstOfThem()
    {
        var reader = await Members.RegisterConfirmedAsync(factory);
        var replier = await Members.RegisterConfirmedAsync(factory);
        var path = await Compose.StartThreadPathAsync(replier, "injections", Unique("Hyaluronic acid"), "Anyone tried it?");
        await reader.Client.GetOkAsync(path);
        var first = await Compose.ReplyAsync(replier, path, "Update one.");
        var firstId = first.Document.QuerySelectorAll("article.post")[^1].Id;
        await Compose.ReplyAsync(replier, path, "Update two.");
        var threadId = Compose.ThreadId(path);

        var topic = await reader.Client.GetOkAsync("/t/injections");
        var marker = topic.Document.QuerySelector($"#thread-{threadId} .unread-marker");
        Assert.NotNull(marker);
        Assert.Equal("2 new replies since your last visit", marker.TextContent.Trim());

        var opened = await reader.Client.GetOkAsync(marker.GetAttribute("href")!);
        Assert.EndsWith("#" + firstId, opened.Response.RequestMessage!.RequestUri!.ToString(), StringComparison.Ordinal);
        var after = await reader.Client.GetOkAsync("/t/injections");
        Assert.Null(after.Document.QuerySelector($"#thread-{threadId} .unread-marker"));
        Assert.Null((await factory.CreateForumClient().GetOkAsync("/t/injections")).Document.QuerySelector(".unread-marker"));
    }

    [Fact]
    public async Task Notification_OfAnotherMember_CannotBeOpened()
    {
        var starter = await Members.RegisterConfirmedAsync(factory);
        var replier = await Members.RegisterConfirmedAsync(factory);
        var path = await Compose.StartThreadPathAsync(starter, "rehab", Unique("Private to the starter"), "Opening.");
        await Compose.ReplyAsync(replier, path, "A reply.");
        await SettledAsync(factory);
        var link = (await LinksAsync(starter))[0];

        Assert.Equal(HttpStatusCode.NotFound, (await replier.Client.GetAsync(link)).Status);
        Assert.Equal(1, await BellAsync(starter));
        var visitor = factory.CreateForumClient(followRedirects: false);
        Assert.Equal("/account/login", (await visitor.GetAsync("/notifications")).Response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task FanOut_RunTwiceForOnePost_NotifiesEachMemberOnce()
    {
        var starter = await Members.RegisterConfirmedAsync(factory);
        var replier = await Members.RegisterConfirmedAsync(factory);
        var path = await Compose.StartThreadPathAsync(starter, "rehab", Unique("Crash safety"), "Opening.");
        var reply = await Compose.ReplyAsync(replier, path, $"Hello @{starter.DisplayName}.");
        var replyId = int.Parse(reply.Document.QuerySelectorAll("article.post")[^1].Id!["post-".Length..], System.Globalization.CultureInfo.InvariantCulture);
        await SettledAsync(factory);

        // What a second instance does when it takes over a job whose first run saved its notifications but died
        // before deleting the job.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var again = await scope.ServiceProvider.GetRequiredService<NotificationFanOut>().RunAsync(replyId, CancellationToken.None);
            Assert.Empty(again);
        }

        var kinds = await ModerationState.QueryAsync(factory, db => db.Notifications.Where(n => n.PostId == replyId).Select(n => n.Kind).ToListAsync());
        Assert.Equal([NotificationKind.Mention], kinds);
    }

    [Fact]
    public async Task Bell_OfAConnectedMember_IsToldLive_AndNobodyElseIs()
    {
        var starter = await Members.RegisterConfirmedAsync(factory);
        var replier = await Members.RegisterConfirmedAsync(factory);
        var bystander = await Members.RegisterConfirmedAsync(factory);
        var path = await Compose.StartThreadPathAsync(starter, "rehab", Unique("Live bell"), "Opening.");
        await using var starterLive = await LiveClient.ConnectAsync(factory, starter.Client);
        await using var bystanderLive = await LiveClient.ConnectAsync(factory, bystander.Client);
        var told = Channel.CreateUnbounded<string>();
        starterLive.On(nameof(PatientForum.Web.Features.Live.IForumClient.NotificationsChanged), () => told.Writer.TryWrite("starter"));
        bystanderLive.On(nameof(PatientForum.Web.Features.Live.IForumClient.NotificationsChanged), () => told.Writer.TryWrite("bystander"));

        await Compose.ReplyAsync(replier, path, "A live reply.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Assert.Equal("starter", await told.Reader.ReadAsync(timeout.Token));
        Assert.Equal(1, await starterLive.InvokeAsync<int>("UnreadNotifications"));
        Assert.Equal(0, await bystanderLive.InvokeAsync<int>("UnreadNotifications"));

        // The bystander's connection is told nothing: a push to it would have been delivered before this answer.
        await bystanderLive.InvokeAsync<int>("UnreadNotifications");
        Assert.False(told.Reader.TryRead(out var other), $"{other} was told of another member's notification");
    }
}
