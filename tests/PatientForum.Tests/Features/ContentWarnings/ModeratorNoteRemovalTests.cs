using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;
using static PatientForum.Tests.Features.Notifications.Notifying;

namespace PatientForum.Tests.Features.ContentWarnings;

/// <summary>Taking a moderator note off a post is told to its author, as putting one on is, with the moderator's reason.</summary>
public sealed class ModeratorNoteRemovalTests(ForumFactory forum) : IClassFixture<ForumFactory>
{
    [Fact]
    public async Task Moderator_RemovesANote_TheAuthorIsToldWithTheReason()
    {
        var author = await Members.RegisterConfirmedAsync(forum);
        var moderator = await Staff.ModeratorAsync(forum);
        var path = await Compose.StartThreadPathAsync(author, "rehab", Unique("Noted then cleared"), "Ice for twenty minutes, then heat.");
        var postId = await ModerationState.OpeningPostIdAsync(author.Client, path);
        var form = await moderator.Client.GetOkAsync($"/moderation/posts/{postId}/warnings");
        (await moderator.Client.SubmitAsync(form, $"form[action='/moderation/posts/{postId}/note']",
            new Dictionary<string, string?> { ["Note"] = "Check this with your physio.", ["Link"] = "" })).EnsureSuccess();

        form = await moderator.Client.GetOkAsync($"/moderation/posts/{postId}/warnings");
        (await moderator.Client.SubmitAsync(form, $"form[action='/moderation/posts/{postId}/note/remove']",
            new Dictionary<string, string?> { ["Reason"] = "The advice was sound after all" })).EnsureSuccess();
        await SettledAsync(forum);

        var notices = await author.Client.GetOkAsync("/notifications");
        Assert.Contains("A moderator took the note off your post in", notices.Text, StringComparison.Ordinal);
        Assert.Contains("The advice was sound after all", notices.Text, StringComparison.Ordinal);
        Assert.True(await ModerationState.QueryAsync(forum, db => db.Notifications.AnyAsync(n => n.PostId == postId && n.Kind == NotificationKind.PostLabelRemoved)));
    }
}
