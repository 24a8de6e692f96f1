using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Features.Live;

namespace PatientForum.Tests.Features.Moderation;

/// <summary>
/// What a moderator hides, removes or redacts must stay out of public view by every road, not only on the
/// thread page: the edit history, the reply form, the live updates of topic pages and the author's profile.
/// </summary>
public sealed class HiddenContentTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("hide")]
    [InlineData("delete")]
    public async Task History_OfAPostAModeratorTookDown_DoesNotShowItsTextToVisitors(string action)
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var text = $"The consultant lives at 12 Acacia Avenue {Guid.NewGuid():N}";
        var (_, postId) = await Moderating.ThreadWithReplyAsync(author, text);
        var moderator = await Staff.ModeratorAsync(factory);

        await Moderating.ActAsync(moderator, postId, action, "Personal information");
        var history = await factory.CreateForumClient().GetAsync($"/posts/{postId}/history");

        Assert.True((int)history.Status < 500, $"/posts/{postId}/history answered {(int)history.Status}");
        Assert.DoesNotContain(text, history.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hide")]
    [InlineData("delete")]
    public async Task Profile_OfAnAuthorWhosePostsAModeratorTookDown_ShowsAndCountsNoneOfThemToVisitorsOrMembers(string action)
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var text = $"My physio's home address is 4 Mill Lane {Guid.NewGuid():N}";
        var (path, replyId) = await Moderating.ThreadWithReplyAsync(author, text);
        var title = (await author.Client.GetOkAsync(path)).TextOf("h1")!;
        await Reactions.Reacting.PressAsync(await Members.RegisterConfirmedAsync(factory), path, replyId, "support");
        var moderator = await Staff.ModeratorAsync(factory);

        await Moderating.ActAsync(moderator, replyId, action, "Personal information");
        await Moderating.ActAsync(moderator, await ModerationState.OpeningPostIdAsync(author.Client, path), action, "Personal information");

        var profile = $"/u/{Uri.EscapeDataString(author.DisplayName)}";
        foreach (var reader in new[] { factory.CreateForumClient(), (await Members.RegisterConfirmedAsync(factory)).Client })
        {
            var page = await reader.GetOkAsync(profile);
            Assert.DoesNotContain(text[..30], page.Document.Body!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain(title, page.Text, StringComparison.Ordinal);
            // Threads started, replies written, reactions received.
            Assert.Equal(["0", "0", "0"], page.TextsOf(".profile-stats dd"));
        }
        Assert.Equal(["1", "1", "1"], (await moderator.Client.GetOkAsync(profile)).TextsOf(".profile-stats dd"));
    }

    [Fact]
    public async Task ModeratorRedaction_KeepsTheOldTextForModerators_ButNotInThePublicHistory()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var phone = $"07700 {Random.Shared.Next(100000, 999999)}";
        var (path, postId) = await Moderating.ThreadWithReplyAsync(author, $"Ring my surgeon's mobile on {phone}.");
        var moderator = await Staff.ModeratorAsync(factory);

        var form = await moderator.Client.GetOkAsync($"/moderation/posts/{postId}/edit");
        await moderator.Client.SubmitAsync(form, "form.composer", new Dictionary<string, string?>
        {
            ["Body"] = "Ring my surgeon's mobile on [number removed by a moderator].",
            ["Reason"] = "Personal information",
        });

        Assert.DoesNotContain(phone, (await factory.CreateForumClient().GetOkAsync(path)).Text, StringComparison.Ordinal);
        Assert.Contains(phone, (await moderator.Client.GetOkAsync($"/posts/{postId}/history")).Text, StringComparison.Ordinal);
        var publicHistory = await factory.CreateForumClient().GetAsync($"/posts/{postId}/history");
        Assert.DoesNotContain(phone, publicHistory.Text, StringComparison.Ordinal);
        var memberHistory = await (await Members.RegisterConfirmedAsync(factory)).Client.GetAsync($"/posts/{postId}/history");
        Assert.DoesNotContain(phone, memberHistory.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplyForm_OfAThreadWhoseOpeningPostIsHidden_IsNotFoundForOtherMembers_AndTakesNoReply()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var title = $"Cheap stem cells shipped overnight {Guid.NewGuid():N}";
        var path = await Compose.StartThreadPathAsync(author, "biologics", title, "Order from my site.");
        var threadId = Compose.ThreadId(path);
        var moderator = await Staff.ModeratorAsync(factory);
        await Moderating.ActAsync(moderator, await ModerationState.OpeningPostIdAsync(author.Client, path), "hide", "Spam");
        var member = await Members.RegisterConfirmedAsync(factory);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync(path)).Status);

        var form = await member.Client.GetAsync($"/threads/{threadId}/reply");
        var reply = await member.Client.PostAsync($"/threads/{threadId}/reply", new Dictionary<string, string?>
        {
            ["Body"] = "A reply to a hidden thread.",
            ["SubmissionToken"] = Guid.NewGuid().ToString(),
        });

        var thread = await moderator.Client.GetOkAsync(path);
        Assert.Multiple(
            () => Assert.Equal(HttpStatusCode.NotFound, form.Status),
            () => Assert.DoesNotContain(title, form.Text, StringComparison.Ordinal),
            () => Assert.Equal((HttpStatusCode.NotFound, $"/threads/{threadId}/reply"), (reply.Status, reply.Url)),
            () => Assert.DoesNotContain("A reply to a hidden thread.", thread.Text, StringComparison.Ordinal));
    }

    /// <summary>The Markdown the Quote button reads is a road to a post's text too.</summary>
    [Fact]
    public async Task Source_OfAHiddenPost_OrOfAPostInAHiddenThread_IsNotFoundForOtherMembers()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var text = $"My neighbour's name is on the referral {Guid.NewGuid():N}";
        var (path, hiddenId) = await Moderating.ThreadWithReplyAsync(author, text);
        var inHiddenThread = await Compose.ReplyAsync(author, path, $"A visible reply in a thread about to be hidden {Guid.NewGuid():N}");
        var inHiddenThreadId = int.Parse(inHiddenThread.Document.QuerySelectorAll("article.post")[^1].Id!["post-".Length..], System.Globalization.CultureInfo.InvariantCulture);
        var moderator = await Staff.ModeratorAsync(factory);
        var member = await Members.RegisterConfirmedAsync(factory);
        Assert.Equal(HttpStatusCode.OK, (await member.Client.GetAsync($"/posts/{inHiddenThreadId}/source")).Status);

        await Moderating.ActAsync(moderator, hiddenId, "hide", "Personal information");
        await Moderating.ActAsync(moderator, await ModerationState.OpeningPostIdAsync(author.Client, path), "hide", "Personal information");

        var hiddenPost = await member.Client.GetAsync($"/posts/{hiddenId}/source");
        var hiddenThread = await member.Client.GetAsync($"/posts/{inHiddenThreadId}/source");
        Assert.Multiple(
            () => Assert.Equal(HttpStatusCode.NotFound, hiddenPost.Status),
            () => Assert.DoesNotContain(text, hiddenPost.Text, StringComparison.Ordinal),
            () => Assert.Equal(HttpStatusCode.NotFound, hiddenThread.Status),
            () => Assert.DoesNotContain("about to be hidden", hiddenThread.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task HidingTheOpeningPost_PushesNoRowWithTheThreadsTitle_ToVisitorsWatchingTheTopic()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var title = $"Miracle injections from abroad {Guid.NewGuid():N}";
        var path = await Compose.StartThreadPathAsync(author, "injections", title, "Message me for prices.");
        var threadId = Compose.ThreadId(path);
        var opening = await ModerationState.OpeningPostIdAsync(author.Client, path);
        var moderator = await Staff.ModeratorAsync(factory);
        await using var visitor = await LiveClient.ConnectAsync(factory);
        var rows = Channel.CreateUnbounded<ThreadRowFragment>();
        visitor.On<ThreadRowFragment>(nameof(IForumClient.ThreadActivity), row => rows.Writer.TryWrite(row));
        await visitor.InvokeAsync(nameof(ForumHub.JoinTopic), "injections");

        await Moderating.ActAsync(moderator, opening, "hide", "Advertising");
        // A later thread in the same topic: its row arrives after anything the hide pushed to this connection.
        var canary = await Compose.StartThreadPathAsync(author, "injections", $"Canary thread {Guid.NewGuid():N}", "Later activity.");

        var received = new List<ThreadRowFragment>();
        using var timeout = new CancellationTokenSource(s_wait);
        while (received.LastOrDefault()?.ThreadId != Compose.ThreadId(canary))
        {
            received.Add(await rows.Reader.ReadAsync(timeout.Token));
        }
        Assert.DoesNotContain(received, r => r.ThreadId == threadId && r.Html.Contains(title, StringComparison.Ordinal));
        Assert.DoesNotContain(title, (await factory.CreateForumClient().GetOkAsync("/t/injections")).Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// A hidden thread leaves the topic list of visitors and of other members, but its author still finds it there
    /// (as on its page), whichever way the topic page is read for each of them.
    /// </summary>
    [Fact]
    public async Task HiddenThread_IsListedInItsTopicForItsAuthorOnly()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var other = await Members.RegisterConfirmedAsync(factory);
        var title = $"Hidden from the list {Guid.NewGuid():N}";
        var path = await Compose.StartThreadPathAsync(author, "surgical-referral", title, "Details of my referral.");
        var opening = await ModerationState.OpeningPostIdAsync(author.Client, path);
        var moderator = await Staff.ModeratorAsync(factory);

        await Moderating.ActAsync(moderator, opening, "hide", "Personal information");

        Assert.Contains(title, (await author.Client.GetOkAsync("/t/surgical-referral")).Text, StringComparison.Ordinal);
        Assert.DoesNotContain(title, (await other.Client.GetOkAsync("/t/surgical-referral")).Text, StringComparison.Ordinal);
        Assert.DoesNotContain(title, (await factory.CreateForumClient().GetOkAsync("/t/surgical-referral")).Text, StringComparison.Ordinal);
    }
}
