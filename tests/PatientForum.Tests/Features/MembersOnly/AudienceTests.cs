using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Features.Notifications;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;
using static PatientForum.Tests.Features.MembersOnly.MembersOnlyThreads;

namespace PatientForum.Tests.Features.MembersOnly;

/// <summary>
/// Choosing who reads a thread: the composer's choice, the author's switch (to members-only at any time, back to public
/// only while nobody else has replied), the moderators' switch either way with its audit entry, and who hears of it.
/// </summary>
public sealed class AudienceTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    [Fact]
    public async Task Composer_OffersPublicByDefault_AndMembersOnly_AndAMembersOnlyThreadIsMarkedForItsReaders()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var form = await author.Client.GetOkAsync("/t/rehab/new");
        var title = Unique("Physio after a bad week");

        var path = await StartAsync(author, "rehab", title, "Only for people who get it.");
        var page = await author.Client.GetOkAsync(path);

        Assert.Equal("Who can read this", form.TextOf("form.composer fieldset legend"));
        Assert.Equal(["Public", "Members"], form.Document.QuerySelectorAll("input[name=Audience]").Select(i => i.GetAttribute("value")!).ToArray());
        Assert.True(form.Document.QuerySelector("input[name=Audience][value=Public]")!.HasAttribute("checked"));
        Assert.Contains("anyone, including search engines", form.Text, StringComparison.Ordinal);
        Assert.Contains("signed-in members only", form.Text, StringComparison.Ordinal);
        Assert.Contains("Only signed-in members can read this thread", page.Text, StringComparison.Ordinal);
        Assert.Equal(ThreadAudience.Members, await AudienceAsync(path));
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateForumClient().GetAsync(path)).Status);
    }

    [Fact]
    public async Task Composer_WithAnAudienceItDoesNotKnow_ShowsTheFormAgainWithTheTextKept_AndSavesNothing()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var form = await author.Client.GetOkAsync("/t/rehab/new");
        var title = Unique("An audience nobody offered");

        var page = await author.Client.SubmitAsync(form, Compose.NewThreadForm, new Dictionary<string, string?>
        {
            ["Title"] = title, ["Body"] = "Kept as I wrote it.", ["Audience"] = "Everyone",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Equal("Choose who can read this thread: public, or members only.", page.TextOf("#Audience-error"));
        Assert.Equal(title, page.Document.QuerySelector("input[name=Title]")?.GetAttribute("value"));
        Assert.Equal("Kept as I wrote it.", page.TextOf("textarea[name=Body]"));
        Assert.False(await ModerationState.QueryAsync(factory, db => db.Threads.AnyAsync(t => t.Title == title)));
    }

    [Fact]
    public async Task Author_MakesAPublicThreadMembersOnly_AndPublicAgainWhileNobodyElseReplied_ButNotAfter()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var other = await Members.RegisterConfirmedAsync(factory);
        var path = await Compose.StartThreadPathAsync(author, "rehab", Unique("Switching back and forth"), "Started in public.");

        var closed = await SwitchAsync(author, path, "Members");
        var reopened = await SwitchAsync(author, path, "Public");
        await SwitchAsync(author, path, "Members");
        await Compose.ReplyAsync(other, path, "Replying for members only.");
        var offered = await author.Client.GetOkAsync(path);
        var refused = await author.Client.PostAsync(AudiencePath(path), new Dictionary<string, string?> { ["Audience"] = "Public" });

        Assert.Equal("This thread is now for signed-in members only.", closed.TextOf("p.notice[role=status]"));
        Assert.Equal("This thread is now public: anyone can read it.", reopened.TextOf("p.notice[role=status]"));
        Assert.Null(offered.Document.QuerySelector($"form[action='{AudiencePath(path)}']"));
        Assert.Contains("Other members have replied to it as a members-only thread, so it stays for members only.", offered.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Equal("Other members have replied", refused.TextOf("h1"));
        Assert.Equal(ThreadAudience.Members, await AudienceAsync(path));
    }

    [Fact]
    public async Task AnotherMember_CannotChangeWhoReadsAThread()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var other = await Members.RegisterConfirmedAsync(factory);
        var path = await Compose.StartThreadPathAsync(author, "rehab", Unique("Not yours to close"), "Public on purpose.");

        var page = await other.Client.GetOkAsync(path);
        var refused = await other.Client.PostAsync(AudiencePath(path), new Dictionary<string, string?> { ["Audience"] = "Members" });

        Assert.Null(page.Document.QuerySelector($"form[action='{AudiencePath(path)}']"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal(ThreadAudience.Public, await AudienceAsync(path));
    }

    [Fact]
    public async Task Moderator_ChangesItEitherWay_EvenAfterOthersReplied_AndTheAuditLogSaysWhoAndWhy()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var other = await Members.RegisterConfirmedAsync(factory);
        var moderator = await Staff.ModeratorAsync(factory);
        var path = await StartAsync(author, "rehab", Unique("Asked to be public"), "Members only, for now.");
        await Compose.ReplyAsync(other, path, "Happy for this to be public.");

        await SwitchAsync(moderator, path, "Public", "Both members asked for it");
        var madePublic = await AudienceAsync(path);
        await SwitchAsync(moderator, path, "Members", "Names a clinic");
        var log = await moderator.Client.GetOkAsync("/moderation/log");
        var rows = log.Document.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();

        Assert.Equal(ThreadAudience.Public, madePublic);
        Assert.Equal(ThreadAudience.Members, await AudienceAsync(path));
        Assert.Contains(rows, r => r.Contains("MakeThreadPublic", StringComparison.Ordinal) && r.Contains("Both members asked for it", StringComparison.Ordinal)
            && r.Contains(moderator.DisplayName, StringComparison.Ordinal) && r.Contains($"thread {Compose.ThreadId(path)}", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("MakeThreadMembersOnly", StringComparison.Ordinal) && r.Contains("Names a clinic", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Watchers_OfAMembersOnlyThread_AreNotifiedOnlyIfTheyMayReadIt()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var reader = await Members.RegisterConfirmedAsync(factory);
        var lapsed = await Members.RegisterConfirmedAsync(factory);
        foreach (var watcher in new[] { reader, lapsed })
        {
            var topic = await watcher.Client.GetOkAsync("/t/biologics");
            await watcher.Client.SubmitAsync(topic, "form[action='/t/biologics/watch']", new Dictionary<string, string?>());
        }
        // An address that is no longer confirmed (as an account deleted or reset leaves it) reads no members-only thread.
        await ModerationState.QueryAsync(factory, db => db.Users.Where(u => u.Email == lapsed.Email).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, false)));
        var title = Unique("PRP and what the clinic charged");

        await StartAsync(author, "biologics", title, $"@{lapsed.DisplayName} you asked about this.");
        await Notifying.SettledAsync(factory);

        Assert.Contains($"{author.DisplayName} started “{title}”", await Notifying.EntriesAsync(reader));
        var lapsedId = await ModerationState.UserIdAsync(factory, lapsed.Email);
        Assert.Equal(0, await ModerationState.QueryAsync(factory, db => db.Notifications.CountAsync(n => n.RecipientId == lapsedId)));
    }

    private Task<ThreadAudience> AudienceAsync(string path)
    {
        var id = Compose.ThreadId(path);
        return ModerationState.QueryAsync(factory, db => db.Threads.Where(t => t.Id == id).Select(t => t.Audience).SingleAsync());
    }
}
