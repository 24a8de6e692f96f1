using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Live;
using static PatientForum.Tests.Infrastructure.RawRequests;

namespace PatientForum.Tests.Features.Security;

/// <summary>
/// Changing an id, in the URL or as a form field, never reaches another member's content: a member who edits,
/// flags, replies or follows live updates with someone else's post, thread or user id is refused, and the
/// other member's content is exactly as it was.
/// </summary>
public sealed class IdorTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    [Fact]
    public async Task EditForm_WithAnotherMembersPostId_InTheUrlOrAsAFormField_LeavesTheirPostAlone()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var other = await Members.RegisterConfirmedAsync(factory);
        var (_, victimPost) = await Moderating.ThreadWithReplyAsync(author, "The author's own words.");
        var (_, ownPost) = await Moderating.ThreadWithReplyAsync(other, "The other member's words.");
        var client = await WithoutRedirectsAsync(other);
        var form = await client.GetOkAsync($"/posts/{ownPost}/edit");
        var token = AntiforgeryToken(form);

        var viaUrl = await PostFormAsync(client, $"/posts/{victimPost}/edit", ("Body", "Taken over."), ("__RequestVerificationToken", token));
        var viaField = await PostFormAsync(client, $"/posts/{ownPost}/edit", ("id", $"{victimPost}"), ("Body", "Taken over."), ("__RequestVerificationToken", token));

        Assert.Equal("/account/access-denied", LocationPath(viaUrl));
        Assert.True((int)viaField.Status < 500);
        Assert.Equal("The author's own words.", await MarkdownAsync(victimPost));
        Assert.Equal(0, await RevisionsAsync(victimPost));
    }

    [Fact]
    public async Task ReplyForm_WithAHiddenThreadsIdAsAFormField_PutsNothingInThatThread()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var other = await Members.RegisterConfirmedAsync(factory);
        var moderator = await Staff.ModeratorAsync(factory);
        var hiddenPath = await Compose.StartThreadPathAsync(author, "rehab", $"Hidden thread {Guid.NewGuid():N}", "Opening.");
        await Moderating.ActAsync(moderator, await ModerationState.OpeningPostIdAsync(author.Client, hiddenPath), "hide", "matrix");
        var openPath = await Compose.StartThreadPathAsync(other, "rehab", $"Open thread {Guid.NewGuid():N}", "Opening.");
        var hiddenId = Compose.ThreadId(hiddenPath);
        var before = await PostCountAsync(hiddenId);

        var reply = await other.Client.PostAsync($"/threads/{Compose.ThreadId(openPath)}/reply", new Dictionary<string, string?>
        {
            ["id"] = $"{hiddenId}", ["Body"] = "Sneaking in.", ["SubmissionToken"] = $"{Guid.NewGuid()}",
        });

        Assert.True((int)reply.Status < 500);
        Assert.Equal(before, await PostCountAsync(hiddenId));
    }

    [Fact]
    public async Task Flag_OfAReplyInAHiddenThread_ByItsId_IsNotFound_AndRecordsNothing()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var other = await Members.RegisterConfirmedAsync(factory);
        var moderator = await Staff.ModeratorAsync(factory);
        var (path, replyId) = await Moderating.ThreadWithReplyAsync(author, "A reply in a thread about to be hidden.");
        await Moderating.ActAsync(moderator, await ModerationState.OpeningPostIdAsync(author.Client, path), "hide", "matrix");

        var flag = await other.Client.PostAsync($"/posts/{replyId}/flag", new Dictionary<string, string?> { ["Reason"] = "Spam" });

        Assert.Equal(HttpStatusCode.NotFound, flag.Status);
        Assert.False(await ModerationState.QueryAsync(factory, db => db.Flags.AnyAsync(f => f.PostId == replyId)));
    }

    [Fact]
    public async Task LiveUpdates_OfAHiddenThread_ByItsId_AreRefusedToOthers_ButNotToItsAuthor()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var other = await Members.RegisterConfirmedAsync(factory);
        var moderator = await Staff.ModeratorAsync(factory);
        var (path, _) = await Moderating.ThreadWithReplyAsync(author, "Words nobody else may fetch.");
        await Moderating.ActAsync(moderator, await ModerationState.OpeningPostIdAsync(author.Client, path), "hide", "matrix");
        var threadId = Compose.ThreadId(path);
        await using var stranger = await LiveClient.ConnectAsync(factory, other.Client);
        await using var owner = await LiveClient.ConnectAsync(factory, author.Client);

        await Assert.ThrowsAsync<HubException>(() => stranger.InvokeAsync<int>(nameof(ForumHub.JoinThread), threadId));
        await Assert.ThrowsAsync<HubException>(() => stranger.InvokeAsync<IReadOnlyList<PostFragment>>(nameof(ForumHub.RepliesAfter), threadId, 0));
        await Assert.ThrowsAsync<HubException>(() => stranger.InvokeAsync(nameof(ForumHub.Typing), threadId));
        Assert.NotEmpty(await owner.InvokeAsync<IReadOnlyList<PostFragment>>(nameof(ForumHub.RepliesAfter), threadId, 0));
    }

    [Fact]
    public async Task ConfirmationLink_WithAnotherMembersId_ConfirmsNobody()
    {
        var first = await Members.RegisterAsync(factory);
        var second = await Members.RegisterAsync(factory);
        var link = MailPickup.LinkIn(await factory.Mail.WaitForAsync(first.Email, "Confirm your email"), "/account/confirm");
        var firstId = await ModerationState.UserIdAsync(factory, first.Email);
        var secondId = await ModerationState.UserIdAsync(factory, second.Email);

        var page = await second.Client.GetAsync(link.Replace(firstId, secondId, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.False(await ConfirmedAsync(secondId));
        Assert.False(await ConfirmedAsync(firstId));
    }

    [Fact]
    public async Task SuspendedMember_LiftingTheirOwnSuspensionByTheirId_IsRefused()
    {
        var moderator = await Staff.ModeratorAsync(factory);
        var member = await Members.RegisterConfirmedAsync(factory);
        var id = await ModerationState.UserIdAsync(factory, member.Email);
        await ModerationState.SuspendAsync(moderator, id, "3", "Cooling off");
        var client = await WithoutRedirectsAsync(member);

        var page = await client.PostAsync($"/moderation/users/{id}/unsuspend", new Dictionary<string, string?> { ["Reason"] = "I am sorry" });

        Assert.Equal("/account/access-denied", LocationPath(page));
        Assert.NotNull(await ModerationState.QueryAsync(factory, db => db.Users.Where(u => u.Id == id).Select(u => u.SuspendedUntil).SingleAsync()));
    }

    private async Task<ForumClient> WithoutRedirectsAsync(Member member)
    {
        var client = factory.CreateForumClient(followRedirects: false);
        await Members.SignInAsync(client, member);
        return client;
    }

    private Task<string> MarkdownAsync(int postId) =>
        ModerationState.QueryAsync(factory, db => db.Posts.Where(p => p.Id == postId).Select(p => p.Markdown).SingleAsync());

    private Task<int> RevisionsAsync(int postId) =>
        ModerationState.QueryAsync(factory, db => db.Set<PostRevision>().CountAsync(r => r.PostId == postId));

    private Task<int> PostCountAsync(int threadId) => ModerationState.QueryAsync(factory, db => db.Posts.CountAsync(p => p.ThreadId == threadId));

    private Task<bool> ConfirmedAsync(string userId) =>
        ModerationState.QueryAsync(factory, db => db.Users.Where(u => u.Id == userId).Select(u => u.EmailConfirmed).SingleAsync());
}
