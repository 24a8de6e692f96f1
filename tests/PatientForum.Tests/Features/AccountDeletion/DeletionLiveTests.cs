using Microsoft.AspNetCore.SignalR.Client;
using PatientForum.Tests.Features.Live;
using PatientForum.Tests.Features.Profiles;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Features.Live;

namespace PatientForum.Tests.Features.AccountDeletion;

/// <summary>A deletion reaches pages already open: their live connections hear the stub, or that the thread is gone.</summary>
public sealed class DeletionLiveTests(ForumFactory forum) : IClassFixture<ForumFactory>
{
    [Fact]
    public async Task EraseAccount_OpenPagesHearTheirReplyBecomeAStub_AndTheirLoneThreadGo()
    {
        var leaving = await Members.RegisterConfirmedAsync(forum);
        var other = await Members.RegisterConfirmedAsync(forum);
        var word = Deleting.UniqueWord("livegone");
        var lonely = Compose.ThreadId(await Compose.StartThreadPathAsync(leaving, "rehab", "Alone, then erased", $"Mine alone {word}."));
        var otherPath = await Compose.StartThreadPathAsync(other, "rehab", "Their thread, read live", "Opening words.");
        var replyId = await Profiling.ReplyAsync(leaving, otherPath, $"My reply {word}.");
        await using var onOther = await LiveClient.ConnectAsync(forum);
        await using var onLonely = await LiveClient.ConnectAsync(forum);
        var otherHeard = new LivePushes(onOther);
        var lonelyHeard = new LivePushes(onLonely);
        await onOther.InvokeAsync<int>(nameof(ForumHub.JoinThread), Compose.ThreadId(otherPath));
        await onLonely.InvokeAsync<int>(nameof(ForumHub.JoinThread), lonely);

        (await Deleting.DeleteAccountAsync(leaving, "erase")).EnsureSuccess();

        var stub = await otherHeard.WaitForAsync("deleted by its author");
        Assert.Equal(replyId, stub.PostId);
        Assert.DoesNotContain(word, stub.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(leaving.DisplayName, stub.Html, StringComparison.Ordinal);
        Assert.Equal(lonely, await lonelyHeard.WaitForThreadGoneAsync());
    }
}
