using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Features.Profiles;
using PatientForum.Tests.Features.Reactions;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;

namespace PatientForum.Tests.Features.AccountDeletion;

/// <summary>
/// Deleting an account through /account/delete, checked where it matters: every text column of the database and the
/// search index, the pages a visitor is served (cached before the deletion), and the profile's address.
/// </summary>
public sealed class AccountDeletionTests(ForumFactory forum) : IClassFixture<ForumFactory>
{
    [Fact]
    public async Task Anonymize_WithPassword_PostsStayAsFormerMember_NameAndEmailNowhere()
    {
        var leaving = await Members.RegisterConfirmedAsync(forum);
        var other = await Members.RegisterConfirmedAsync(forum);
        var phrase = Deleting.UniqueWord("kneebrace");
        var threadPath = await Compose.StartThreadPathAsync(leaving, "rehab", "My knee story", $"Opening words {phrase}.");
        var openingId = await ModerationState.OpeningPostIdAsync(other.Client, threadPath);
        var otherThread = await Compose.StartThreadPathAsync(other, "rehab", "Another story", "Words by another member.");
        var otherOpening = await ModerationState.OpeningPostIdAsync(other.Client, otherThread);
        await Profiling.ReplyAsync(leaving, otherThread, $"A reply by the leaving member {phrase}.");
        await Reacting.PressAsync(leaving, otherThread, otherOpening, "helpful");
        (await Profiling.SaveAsync(leaving, $"About me, {leaving.DisplayName}.", "Public")).EnsureSuccess();
        var quoting = await Profiling.ReplyAsync(
            other, threadPath, QuoteFormat.Of(leaving.DisplayName, openingId, $"Opening words {phrase}.") + $"Thank you @{leaving.DisplayName}.");
        var visitor = forum.CreateForumClient();
        Assert.Contains(leaving.DisplayName, (await visitor.GetOkAsync(threadPath)).Text, StringComparison.Ordinal);
        Assert.NotEmpty(await DatabaseScan.FindAsync(forum, leaving.DisplayName));

        var done = await Deleting.DeleteAccountAsync(leaving, "anonymize");

        Assert.Equal("Your account is deleted", done.TextOf("h1"));
        Assert.Empty(await DatabaseScan.FindAsync(forum, leaving.DisplayName));
        Assert.Empty(await DatabaseScan.FindAsync(forum, leaving.Email));
        Assert.Equal(["Posts.Html", "Posts.Markdown", "search index"], (await DatabaseScan.FindAsync(forum, phrase)).Order(StringComparer.Ordinal));

        var page = await visitor.GetOkAsync(threadPath);
        Assert.DoesNotContain(leaving.DisplayName, page.Text, StringComparison.OrdinalIgnoreCase);
        var author = page.Document.QuerySelector($"#post-{openingId} .member-name")!;
        Assert.Equal(("SPAN", "Former member"), (author.TagName, author.TextContent.Trim()));
        Assert.Contains(phrase, page.TextOf($"#post-{openingId} .post-body"), StringComparison.Ordinal);
        var quote = page.TextOf($"#post-{quoting} .post-body")!;
        Assert.Contains(phrase, quote, StringComparison.Ordinal);
        Assert.Contains("Former member", quote, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector($"#post-{quoting} a.mention"));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(Profiling.PathOf(leaving.DisplayName))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(Profiling.PathOf("Former member"))).Status);
        Assert.Equal(0, await ModerationState.QueryAsync(forum, db => db.PostReactions.CountAsync(r => r.PostId == otherOpening)));

        Assert.StartsWith("/account/login", (await leaving.Client.GetAsync("/account/delete")).Url, StringComparison.Ordinal);
        var again = forum.CreateForumClient();
        await again.SignInAsync(leaving.Email, leaving.Password, null);
        Assert.StartsWith("/account/login", (await again.GetAsync("/account/delete")).Url, StringComparison.Ordinal);
        Assert.Contains("anonymize", await AuditedDeletionsAsync());
    }

    [Fact]
    public async Task Erase_WithPassword_PostsGone_LoneThreadAnswers410_OthersRepliesStay()
    {
        var leaving = await Members.RegisterConfirmedAsync(forum);
        var other = await Members.RegisterConfirmedAsync(forum);
        var (alone, answered, replied, othersWords) =
            (Deleting.UniqueWord("alone"), Deleting.UniqueWord("answered"), Deleting.UniqueWord("replied"), Deleting.UniqueWord("others"));
        var lonelyPath = await Compose.StartThreadPathAsync(leaving, "rehab", $"Lonely {alone}", $"Only I wrote here {alone}.");
        var answeredPath = await Compose.StartThreadPathAsync(leaving, "rehab", $"Answered {answered}", $"Words others answered {answered}.");
        var answeredOpening = await ModerationState.OpeningPostIdAsync(other.Client, answeredPath);
        var othersReply = await Profiling.ReplyAsync(other, answeredPath, $"An answer by another member {othersWords}.");
        var otherThread = await Compose.StartThreadPathAsync(other, "rehab", "Another member's thread", "Their opening words.");
        var myReply = await Profiling.ReplyAsync(leaving, otherThread, $"My reply {replied}.");
        var visitor = forum.CreateForumClient();
        await visitor.GetOkAsync(lonelyPath);
        await visitor.GetOkAsync(answeredPath);

        var done = await Deleting.DeleteAccountAsync(leaving, "erase");

        Assert.Equal("Your account is deleted", done.TextOf("h1"));
        foreach (var text in new[] { leaving.DisplayName, leaving.Email, alone, answered, replied })
        {
            Assert.Empty(await DatabaseScan.FindAsync(forum, text));
        }
        Assert.Equal(HttpStatusCode.Gone, (await visitor.GetAsync(lonelyPath)).Status);
        Assert.Equal(HttpStatusCode.Gone, (await visitor.GetAsync($"/posts/{myReply}")).Status);
        Assert.Equal(HttpStatusCode.Gone, (await visitor.GetAsync($"/posts/{answeredOpening}")).Status);
        var answeredPage = await visitor.GetOkAsync($"/threads/{Compose.ThreadId(answeredPath)}");
        Assert.Contains(othersWords, answeredPage.TextOf($"#post-{othersReply} .post-body"), StringComparison.Ordinal);
        Assert.Equal("This post was deleted by its author.", answeredPage.TextOf($"#post-{answeredOpening} .post-notice"));
        Assert.Contains("This post was deleted by its author.", (await visitor.GetOkAsync(otherThread)).TextOf($"#post-{myReply}"), StringComparison.Ordinal);
        Assert.Contains("erase", await AuditedDeletionsAsync());
    }

    [Fact]
    public async Task Delete_WrongPassword_IsRefused_ChoiceKept_AccountStays()
    {
        var member = await Members.RegisterConfirmedAsync(forum);

        var page = await Deleting.DeleteAccountAsync(member, "erase", password: "not my password at all");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("That password is not right.", page.TextOf("#Password-error"));
        Assert.True(page.Document.QuerySelector("input[name=Mode][value=erase]")!.HasAttribute("checked"));
        Assert.Equal("Delete your account", (await member.Client.GetOkAsync("/account/delete")).TextOf("h1"));
    }

    [Fact]
    public async Task Delete_NoChoice_IsRefused_WithTheReason()
    {
        var member = await Members.RegisterConfirmedAsync(forum);

        var page = await Deleting.DeleteAccountAsync(member, mode: "");

        Assert.Equal("Choose what happens to your posts.", page.TextOf("#Mode-error"));
        Assert.Equal("Delete your account", (await member.Client.GetOkAsync("/account/delete")).TextOf("h1"));
    }

    [Fact]
    public async Task Delete_WhileSuspended_DeletesTheAccount()
    {
        var moderator = await Staff.ModeratorAsync(forum);
        var member = await Members.RegisterConfirmedAsync(forum);
        var userId = await ModerationState.UserIdAsync(forum, member.Email);
        (await ModerationState.SuspendAsync(moderator, userId, "7", "Cooling off")).EnsureSuccess();
        (await Members.SignInAsync(member.Client, member)).EnsureSuccess();

        var done = await Deleting.DeleteAccountAsync(member, "anonymize");

        Assert.Equal("Your account is deleted", done.TextOf("h1"));
        Assert.NotNull(await ModerationState.QueryAsync(forum, db => db.Users.Where(u => u.Id == userId).Select(u => u.DeletedAt).SingleAsync()));
    }

    [Fact]
    public async Task Delete_WithTwoFactorOn_NeedsTheCode()
    {
        var member = await Members.RegisterConfirmedAsync(forum);
        member = member with { AuthenticatorKey = (await TwoFactor.EnableAsync(member.Client)).Key };

        var refused = await Deleting.DeleteAccountAsync(member, "anonymize", code: "000000");
        Assert.Equal("That code is not right. Enter the code your authenticator app shows now.", refused.TextOf("#Code-error"));
        var done = await Deleting.DeleteAccountAsync(member, "anonymize");

        Assert.Equal("Your account is deleted", done.TextOf("h1"));
    }

    private Task<List<string?>> AuditedDeletionsAsync() => ModerationState.QueryAsync(forum, db =>
        db.ModerationActions.Where(a => a.Kind == ModerationKind.DeleteAccount && a.TargetUserId == null).Select(a => a.Details).ToListAsync());
}
