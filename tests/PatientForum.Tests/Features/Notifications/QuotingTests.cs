using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;
using static PatientForum.Tests.Features.Notifications.Notifying;

namespace PatientForum.Tests.Features.Notifications;

/// <summary>
/// Quoting as the thread page offers it (the Quote buttons, the post's Markdown they quote, a quote inside a quote) and
/// the mention limit as the author is told of it, on a forum that notifies at most two mentioned members a post.
/// </summary>
public sealed class QuotingTests(QuotingTests.Forum factory) : IClassFixture<QuotingTests.Forum>
{
    private const string LimitNotice = "Only the first 2 people you mentioned were notified.";
    private const string ComposerWarning = "Only the first 2 people mentioned will be notified.";

    public sealed class Forum : ForumFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Forum:Notifications:MentionLimit"] = "2" };
    }

    [Fact]
    public async Task Reply_MentioningMoreMembersThanTheLimit_NotifiesTheFirstTwo_AndTellsTheAuthorUnderTheReplyOnce()
    {
        var (first, second, third) = (await NamedAsync("First"), await NamedAsync("Second"), await NamedAsync("Third"));
        var author = await Members.RegisterConfirmedAsync(factory);
        var title = Unique("Who helped with the brace");
        var path = await Compose.StartThreadPathAsync(author, "rehab", title, "Opening.");

        var page = await Compose.ReplyAsync(author, path, $"Thanks @{first.DisplayName}, @{second.DisplayName} and @{third.DisplayName}, and @{first.DisplayName} again.");
        await SettledAsync(factory);

        var replyId = page.Document.QuerySelectorAll("article.post")[^1].Id;
        Assert.Equal(LimitNotice, page.TextOf($"#{replyId} + p.notice[role=status]"));
        Assert.Equal([$"{author.DisplayName} mentioned you in “{title}”"], await EntriesAsync(first));
        Assert.Equal([$"{author.DisplayName} mentioned you in “{title}”"], await EntriesAsync(second));
        Assert.Empty(await EntriesAsync(third));
        var again = await author.Client.GetOkAsync(page.Url);
        Assert.Null(again.Document.QuerySelector("p.notice[role=status]"));
        Assert.Null((await third.Client.GetOkAsync(path)).Document.QuerySelector("p.notice[role=status]"));
    }

    [Fact]
    public async Task Thread_MentioningAsManyAsTheLimit_OrTheAuthorToo_TellsNothing_WhileOneMoreIsTold()
    {
        var (first, second, third) = (await NamedAsync("Uno"), await NamedAsync("Dos"), await NamedAsync("Tres"));
        var author = await Members.RegisterConfirmedAsync(factory);

        var within = await Compose.StartThreadAsync(author, "rehab", Unique("Two names"), $"@{first.DisplayName} @{second.DisplayName} and me, @{author.DisplayName}.");
        var beyond = await Compose.StartThreadAsync(author, "rehab", Unique("Three names"), $"@{first.DisplayName} @{second.DisplayName} @{third.DisplayName}");

        Assert.Null(within.Document.QuerySelector("p.notice[role=status]"));
        Assert.Equal(LimitNotice, beyond.TextOf("article.post-opening + p.notice[role=status]"));
    }

    [Fact]
    public async Task Composers_ThatNotify_CarryTheLimitAndTheWarning_TheEditFormDoesNot()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var (path, replyId) = await Moderating.ThreadWithReplyAsync(author, "A reply to edit.");

        foreach (var form in new[] { path, $"/threads/{Compose.ThreadId(path)}/reply", "/t/rehab/new" })
        {
            var composer = (await author.Client.GetOkAsync(form)).Document.QuerySelector("form.composer");
            Assert.Equal(("2", ComposerWarning), (composer?.GetAttribute("data-mention-limit"), composer?.GetAttribute("data-mention-warning")));
        }
        var edit = await author.Client.GetOkAsync($"/posts/{replyId}/edit");
        Assert.Null(edit.Document.QuerySelector("form[data-mention-limit]"));
    }

    [Fact]
    public async Task QuoteOfAPostThatQuotesAndMentions_NotifiesTheMemberQuoted_NotTheOnesTheirPostQuotedOrNamed()
    {
        var first = await Members.RegisterConfirmedAsync(factory);
        var second = await Members.RegisterConfirmedAsync(factory);
        var named = await Members.RegisterConfirmedAsync(factory);
        var third = await Members.RegisterConfirmedAsync(factory);
        var (path, firstId) = await Moderating.ThreadWithReplyAsync(first, "Heat before stretching.");
        var secondPage = await Compose.ReplyAsync(second, path, QuoteFormat.Of(first.DisplayName, firstId, "Heat before stretching.") + $"Agreed, @{named.DisplayName} says so too.");
        var secondId = PostId(secondPage.Document.QuerySelectorAll("article.post")[^1].Id!);
        await SettledAsync(factory);

        var quoteOfQuote = $"> **{second.DisplayName}** [wrote](/posts/{secondId}):\n>\n> > **{first.DisplayName}** [wrote](/posts/{firstId}):\n> >\n> > Heat before stretching.\n>\n> Agreed, @{named.DisplayName} says so too.\n\nMe too.";
        var thirdPage = await Compose.ReplyAsync(third, path, quoteOfQuote);
        var thirdId = PostId(thirdPage.Document.QuerySelectorAll("article.post")[^1].Id!);
        await SettledAsync(factory);

        var firstUser = await ModerationState.UserIdAsync(factory, first.Email);
        var secondUser = await ModerationState.UserIdAsync(factory, second.Email);
        var namedUser = await ModerationState.UserIdAsync(factory, named.Email);
        var made = await ModerationState.QueryAsync(factory, db => db.Notifications.Where(n => n.PostId == thirdId).ToDictionaryAsync(n => n.RecipientId, n => n.Kind));
        Assert.Equal(NotificationKind.Quote, made.GetValueOrDefault(secondUser));
        Assert.Equal(NotificationKind.Reply, made.GetValueOrDefault(firstUser)); // only as the thread's watcher
        Assert.False(made.ContainsKey(namedUser), "A mention inside a quote notified the member named.");
    }

    [Fact]
    public async Task Source_OfAVisiblePost_IsItsMarkdownAsPlainText_ForMembersWhoMayPost_AndVisitorsMustSignIn()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var reader = await Members.RegisterConfirmedAsync(factory);
        var markdown = "**Week one:** ice.\n\n- week two: heat\n- week three: <walks>";
        var (_, postId) = await Moderating.ThreadWithReplyAsync(author, markdown);

        var source = await reader.Client.GetAsync($"/posts/{postId}/source");
        var visitor = await factory.CreateForumClient(followRedirects: false).GetAsync($"/posts/{postId}/source");

        Assert.Equal(HttpStatusCode.OK, source.Status);
        Assert.Equal("text/plain", source.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(markdown, await source.Response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await reader.Client.GetAsync("/posts/999999999/source")).Status);
        Assert.Equal("/account/login", visitor.Response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task QuoteButtons_AreOnThePostsOfAThreadTheViewerMayReplyTo_HiddenUntilTheScriptRuns_AndNowhereElse()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var moderator = await Staff.ModeratorAsync(factory);
        var (path, replyId) = await Moderating.ThreadWithReplyAsync(author, "Quotable.");
        var hidden = PostId((await Compose.ReplyAsync(author, path, "To be hidden.")).Document.QuerySelectorAll("article.post")[^1].Id!);
        await Moderating.ActAsync(moderator, hidden, "hide", "Off-topic");

        var asModerator = await moderator.Client.GetOkAsync(path);
        var asVisitor = await factory.CreateForumClient().GetOkAsync(path);
        await Moderating.ThreadActAsync(moderator, Compose.ThreadId(path), "lock", "Finished");
        var locked = await author.Client.GetOkAsync(path);

        var button = asModerator.Document.QuerySelector($"#post-{replyId} .post-actions button[data-quote-post][type=button]");
        Assert.NotNull(button);
        Assert.True(button.HasAttribute("hidden"));
        Assert.Null(asModerator.Document.QuerySelector($"#post-{hidden} [data-quote-post]"));
        Assert.Contains(asModerator.Document.QuerySelectorAll("script"), s => s.GetAttribute("src")?.StartsWith("/js/quote.js?v=", StringComparison.Ordinal) == true);
        foreach (var page in new[] { asVisitor, locked })
        {
            Assert.Empty(page.Document.QuerySelectorAll("[data-quote-post]"));
            Assert.DoesNotContain(page.Document.QuerySelectorAll("script"), s => s.GetAttribute("src")?.Contains("quote", StringComparison.Ordinal) == true);
        }
    }

    private async Task<Member> NamedAsync(string name) =>
        await Members.RegisterConfirmedAsync(factory, $"{name} {Guid.NewGuid().ToString("N")[..6]}");

    private static int PostId(string elementId) => int.Parse(elementId["post-".Length..], System.Globalization.CultureInfo.InvariantCulture);
}
