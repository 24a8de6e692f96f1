using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Features.Posting;
using static PatientForum.Tests.Features.Drafts.Drafting;

namespace PatientForum.Tests.Features.Drafts;

/// <summary>What a draft may not be: kept for a thread the member cannot reply to, longer than a post, kept for ever, or cached.</summary>
public sealed class DraftLimitsTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    [Fact]
    public async Task SaveDraft_ForAThreadHiddenFromTheMember_IsRefusedWithAReason()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var other = await Members.RegisterConfirmedAsync(factory);
        var moderator = await Staff.ModeratorAsync(factory);
        var path = await Compose.StartThreadPathAsync(author, "rehab", $"Soon hidden {Guid.NewGuid():N}", "An opening post.");
        var id = Compose.ThreadId(path);
        var token = (await other.Client.GetOkAsync(path)).AntiforgeryToken();
        await Moderating.ActAsync(moderator, await ModerationState.OpeningPostIdAsync(author.Client, path), "hide", "Privacy");

        var byScript = await ScriptPostAsync(other.Client, $"/drafts/thread/{id}", token, ("Body", Text("A draft for a thread I can no longer see")));
        var byButton = await other.Client.PostAsync($"/drafts/thread/{id}", new Dictionary<string, string?> { ["Body"] = "Without script." });

        Assert.Equal(HttpStatusCode.NotFound, byScript.Status);
        Assert.Equal("This thread or topic is not there any more.", byScript.Reason);
        Assert.Equal(HttpStatusCode.NotFound, byButton.Status);
        Assert.Equal(0, await DraftCountAsync(factory, other));
        // Its author can still read it, and may still keep a draft of a reply.
        Assert.Equal(HttpStatusCode.OK, (await SaveByScriptAsync(author, path, $"/drafts/thread/{id}", Text("The author's reply to a hidden thread"))).Status);
    }

    [Fact]
    public async Task SaveDraft_ForALockedThread_IsRefusedWithAReason()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var moderator = await Staff.ModeratorAsync(factory);
        var path = await Compose.StartThreadPathAsync(author, "rehab", $"Soon locked {Guid.NewGuid():N}", "An opening post.");
        var id = Compose.ThreadId(path);
        var token = (await author.Client.GetOkAsync(path)).AntiforgeryToken();
        await Moderating.ThreadActAsync(moderator, id, "lock", "Resolved");

        var answer = await ScriptPostAsync(author.Client, $"/drafts/thread/{id}", token, ("Body", Text("A draft for a thread that is locked now")));

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("A moderator has locked this thread, so it takes no new replies.", answer.Reason);
        Assert.Equal(0, await DraftCountAsync(factory, author));
    }

    [Fact]
    public async Task SaveDraft_LongerThanAPost_IsRefusedWithTheReasonAndTheTextKept()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var tooLong = new string('a', PostRules.BodyMax + 1);
        var tooLongTitle = new string('t', PostRules.TitleMax + 1);

        var byScript = await SaveByScriptAsync(member, "/t/rehab/new", "/drafts/topic/rehab", tooLong, "A fine title");
        var byButton = await SaveByButtonAsync(member, "/t/rehab/new", tooLong, tooLongTitle);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, byScript.Status);
        Assert.Equal($"The post is too long: use at most 20,000 characters (it has 20,001).", byScript.Reason);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, byButton.Status);
        Assert.Equal("The post is too long: use at most 20,000 characters (it has 20,001).", byButton.TextOf("#Body-error"));
        Assert.Equal("The title is too long: use at most 150 characters (it has 151).", byButton.TextOf("#Title-error"));
        Assert.Equal(tooLong, BodyIn(byButton));
        Assert.Equal(tooLongTitle, byButton.Document.QuerySelector("input[name='Title']")!.GetAttribute("value"));
        Assert.Equal(0, await DraftCountAsync(factory, member));
    }

    [Fact]
    public async Task ThreadPage_WithADraft_IsNeverCachedNorShownToVisitors()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var path = await Compose.StartThreadPathAsync(member, "rehab", $"Cached thread {Guid.NewGuid():N}", "An opening post.");
        using var visitor = factory.CreateForumClient();
        await visitor.GetOkAsync(path);
        var body = Text("A private draft that no cache may hold");

        await SaveByScriptAsync(member, path, $"/drafts/thread/{Compose.ThreadId(path)}", body);
        var mine = await member.Client.GetOkAsync(path);
        var visitorAgain = await visitor.GetOkAsync(path);

        Assert.Equal(body, BodyIn(mine));
        Assert.True(mine.Response.Headers.CacheControl?.NoStore, "A page with a draft must not be stored");
        Assert.DoesNotContain(body, visitorAgain.Text, StringComparison.Ordinal);
        Assert.Null(visitorAgain.Document.QuerySelector("[data-draft-note]"));
    }

    [Fact]
    public async Task Cleanup_AfterKeepDays_RemovesOnlyDraftsNotSavedSince()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var forum = new OneDayDraftsForum { Clock = time };
        var old = await Members.RegisterConfirmedAsync(forum);
        await SaveByButtonAsync(old, "/t/rehab/new", Text("A draft I forgot about for a whole day"));

        await PassAsync(forum, time, TimeSpan.FromHours(23));
        Assert.Equal(1, await DraftCountAsync(forum, old));
        var recent = await Members.RegisterConfirmedAsync(forum);
        await SaveByButtonAsync(recent, "/t/rehab/new", Text("A draft written much later than the other"));
        await PassAsync(forum, time, TimeSpan.FromHours(2));

        Assert.Equal(0, await DraftCountAsync(forum, old));
        Assert.Equal(1, await DraftCountAsync(forum, recent));
    }

    /// <summary>
    /// Drafts kept one day (Forum:Drafts:KeepDays), so the fake clock moves hours rather than months: every worker's
    /// timer on it fires for each period the clock passes.
    /// </summary>
    public sealed class OneDayDraftsForum : ForumFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Forum:Drafts:KeepDays"] = "1" };
    }

    /// <summary>Moves the clock on and waits for the cleanup's pass at the new time.</summary>
    private static async Task PassAsync(OneDayDraftsForum forum, FakeTimeProvider time, TimeSpan by)
    {
        time.Advance(by);
        var cleanup = forum.Services.GetServices<IHostedService>().OfType<DraftCleanup>().Single();
        await cleanup.WhenCheckedAsync(time.GetUtcNow(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
    }

    private static async Task<int> DraftCountAsync(ForumFactory forum, Member member)
    {
        var userId = await ModerationState.UserIdAsync(forum, member.Email);
        return await ModerationState.QueryAsync(forum, db => db.Drafts.CountAsync(d => d.UserId == userId));
    }
}
