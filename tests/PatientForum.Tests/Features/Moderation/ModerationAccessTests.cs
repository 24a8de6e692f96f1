using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Live;
using static PatientForum.Tests.Infrastructure.RawRequests;

namespace PatientForum.Tests.Features.Moderation;

/// <summary>
/// Every moderation endpoint and the JoinModerators hub method, tried by each kind of user, each cell on a
/// post, thread or member of its own. A refusal is exactly the sign-in or access-denied redirect and
/// changes nothing in the database (not even the log), and an allowed POST carries a valid token and does
/// what it says, with one log entry.
/// </summary>
public sealed class ModerationAccessTests(ModerationAccessTests.Forum forum) : IClassFixture<ModerationAccessTests.Forum>
{
    public enum Who { Visitor, Member, Author, Moderator, Admin }

    public enum Target { None, Post, Thread, User, Moderator }

    private sealed record Endpoint(string Method, string Path, Target Target, bool AdminOnly = false, Func<State, State, bool>? Done = null);

    /// <summary>What a cell could change: its post, thread and member, and how long the audit log is.</summary>
    private sealed record State(PostState? Post, string? Markdown, bool? Locked, bool? Pinned, int? TopicId, DateTime? SuspendedUntil, bool IsModerator, int LogLength);

    public sealed record Targets(int PostId, int ThreadId, string UserId, string Email);

    /// <summary>One forum with a session for each kind of user; the sessions never redirect, so each answer is seen as sent.</summary>
    public sealed class Forum : ForumFactory
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private Dictionary<Who, Member>? _cast;

        /// <summary>The author again, with a client that follows redirects, for starting threads through the form.</summary>
        public Member? Author { get; private set; }

        /// <summary>Targets for the cells that must change nothing; a cell that may change its target gets a new one.</summary>
        public Dictionary<Target, Targets> SharedTargets { get; } = [];

        public async Task<Member> CastAsync(Who who)
        {
            await _gate.WaitAsync();
            try
            {
                Author ??= await Members.RegisterConfirmedAsync(this);
                _cast ??= new Dictionary<Who, Member>
                {
                    [Who.Visitor] = new("", "", "", CreateForumClient(followRedirects: false)),
                    [Who.Member] = await WithoutRedirectsAsync(await Members.RegisterConfirmedAsync(this)),
                    [Who.Author] = await WithoutRedirectsAsync(Author),
                    [Who.Moderator] = await WithoutRedirectsAsync(await Staff.ModeratorAsync(this)),
                    [Who.Admin] = await WithoutRedirectsAsync(await Staff.AdminAsync(this)),
                };
                return _cast[who];
            }
            finally
            {
                _gate.Release();
            }
        }

        private async Task<Member> WithoutRedirectsAsync(Member member)
        {
            var client = CreateForumClient(followRedirects: false);
            await Members.SignInAsync(client, member);
            return member with { Client = client };
        }
    }

    private static readonly Endpoint[] s_endpoints =
    [
        new("GET", "/moderation", Target.None),
        new("GET", "/moderation/posts/{post}", Target.Post),
        new("POST", "/moderation/posts/{post}/keep", Target.Post),
        new("POST", "/moderation/posts/{post}/hide", Target.Post, Done: (_, s) => s.Post == PostState.Hidden),
        new("POST", "/moderation/posts/{post}/restore", Target.Post),
        new("POST", "/moderation/posts/{post}/delete", Target.Post, Done: (_, s) => s.Post == PostState.Deleted),
        new("GET", "/moderation/posts/{post}/edit", Target.Post),
        new("POST", "/moderation/posts/{post}/edit", Target.Post, Done: (_, s) => s.Markdown == "Edited by the matrix."),
        new("GET", "/moderation/threads/{thread}", Target.Thread),
        new("POST", "/moderation/threads/{thread}/lock", Target.Thread, Done: (_, s) => s.Locked == true),
        new("POST", "/moderation/threads/{thread}/unlock", Target.Thread),
        new("POST", "/moderation/threads/{thread}/pin", Target.Thread, Done: (_, s) => s.Pinned == true),
        new("POST", "/moderation/threads/{thread}/unpin", Target.Thread),
        new("POST", "/moderation/threads/{thread}/move", Target.Thread, Done: (b, a) => a.TopicId != b.TopicId),
        new("GET", "/moderation/users/{user}", Target.User),
        new("POST", "/moderation/users/{user}/suspend", Target.User, Done: (_, s) => s.SuspendedUntil > DateTime.UtcNow),
        new("POST", "/moderation/users/{user}/unsuspend", Target.User),
        new("GET", "/moderation/log", Target.None),
        new("GET", "/admin/moderators", Target.None, AdminOnly: true),
        new("POST", "/admin/moderators/grant", Target.User, AdminOnly: true, Done: (_, s) => s.IsModerator),
        new("POST", "/admin/moderators/revoke", Target.Moderator, AdminOnly: true, Done: (_, s) => !s.IsModerator),
    ];

    public static TheoryData<string, string, Who> Cells()
    {
        var data = new TheoryData<string, string, Who>();
        foreach (var endpoint in s_endpoints)
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                data.Add(endpoint.Method, endpoint.Path, who);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Endpoint_ByEachKindOfUser_IsAllowedOnlyForStaff_AndARefusalChangesNothing(string method, string template, Who who)
    {
        var endpoint = s_endpoints.Single(e => e.Method == method && e.Path == template);
        var client = (await forum.CastAsync(who)).Client;
        var allowed = who is Who.Admin || (who is Who.Moderator && !endpoint.AdminOnly);
        var targets = allowed && method == "POST" ? await NewTargetsAsync(endpoint.Target) : await SharedTargetsAsync(endpoint.Target);
        var path = template.Replace("{post}", $"{targets.PostId}", StringComparison.Ordinal)
            .Replace("{thread}", $"{targets.ThreadId}", StringComparison.Ordinal).Replace("{user}", targets.UserId, StringComparison.Ordinal);
        var before = await StateAsync(targets);

        var page = method == "GET" ? await client.GetAsync(path) : await client.PostAsync(path, new Dictionary<string, string?>
        {
            ["Reason"] = "matrix", ["Body"] = "Edited by the matrix.", ["topicId"] = $"{await TopicIdAsync("injections")}", ["Days"] = "1",
            ["email"] = targets.Email, ["userId"] = targets.UserId,
        });

        Assert.True((int)page.Status < 500, $"{method} {path} as {who} answered {(int)page.Status}");
        var after = await StateAsync(targets);
        if (!allowed)
        {
            Assert.Equal(HttpStatusCode.Redirect, page.Status);
            Assert.Equal(who is Who.Visitor ? "/account/login" : "/account/access-denied", LocationPath(page));
            if (who is not Who.Visitor)
            {
                var deniedPage = new Uri(new Uri("http://localhost"), page.Response.Headers.Location!).PathAndQuery;
                Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(deniedPage)).Status);
            }
            Assert.Equal(before, after);
        }
        else if (method == "GET")
        {
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(before, after);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, page.Status);
            Assert.Matches("^/(moderation|admin)/", LocationPath(page));
            Assert.Equal(before.LogLength + 1, after.LogLength);
            Assert.True(endpoint.Done?.Invoke(before, after) ?? true, $"{method} {path} as {who} did not take effect: {after}");
        }
    }

    [Theory]
    [InlineData(Who.Visitor, false)]
    [InlineData(Who.Member, false)]
    [InlineData(Who.Author, false)]
    [InlineData(Who.Moderator, true)]
    [InlineData(Who.Admin, true)]
    public async Task JoinModerators_ByEachKindOfUser_OnlyStaffJoinAndHearTheQueueCount(Who who, bool allowed)
    {
        var member = await forum.CastAsync(who);
        await using var connection = await LiveClient.ConnectAsync(forum, who == Who.Visitor ? null : member.Client);
        await using var canary = await LiveClient.ConnectAsync(forum, (await forum.CastAsync(Who.Moderator)).Client);
        var heard = Channel.CreateUnbounded<int>();
        var canaryHeard = Channel.CreateUnbounded<int>();
        connection.On<int>(nameof(IForumClient.QueueCount), count => heard.Writer.TryWrite(count));
        canary.On<int>(nameof(IForumClient.QueueCount), count => canaryHeard.Writer.TryWrite(count));
        await canary.InvokeAsync(nameof(ForumHub.JoinModerators));

        var join = connection.InvokeAsync(nameof(ForumHub.JoinModerators));
        if (allowed)
        {
            await join;
        }
        else
        {
            await Assert.ThrowsAsync<HubException>(() => join);
        }
        var (_, postId) = await Moderating.ThreadWithReplyAsync(await AuthorAsync(), "A post flagged for the hub check.");
        await Moderating.FlagAsync(await forum.CastAsync(Who.Member), postId);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        if (allowed)
        {
            Assert.True(await heard.Reader.ReadAsync(timeout.Token) > 0);
        }
        else
        {
            // The moderator's connection hears the same broadcast; give this one a moment longer to show it did not.
            await canaryHeard.Reader.ReadAsync(timeout.Token);
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            Assert.False(heard.Reader.TryRead(out _), $"{who} joined the moderators' group and heard the queue count.");
        }
    }

    private async Task<Targets> SharedTargetsAsync(Target target)
    {
        if (!forum.SharedTargets.TryGetValue(target, out var targets))
        {
            forum.SharedTargets[target] = targets = await NewTargetsAsync(target);
        }
        return targets;
    }

    private async Task<Targets> NewTargetsAsync(Target target)
    {
        switch (target)
        {
            case Target.Post or Target.Thread:
                var path = await Compose.StartThreadPathAsync(await AuthorAsync(), "rehab", $"Matrix thread {Guid.NewGuid():N}", "The original text.");
                var threadId = Compose.ThreadId(path);
                var postId = await ModerationState.QueryAsync(forum, db => db.Posts.Where(p => p.ThreadId == threadId).Select(p => p.Id).SingleAsync());
                return new Targets(postId, threadId, "", "");
            case Target.User or Target.Moderator:
                var member = await Members.RegisterAsync(forum);
                var userId = await ModerationState.UserIdAsync(forum, member.Email);
                if (target == Target.Moderator)
                {
                    using var scope = forum.Services.CreateScope();
                    var users = scope.ServiceProvider.GetRequiredService<UserManager<ForumUser>>();
                    await users.AddToRoleAsync((await users.FindByIdAsync(userId))!, ForumRoles.Moderator);
                }
                return new Targets(0, 0, userId, member.Email);
            default:
                return new Targets(0, 0, "", "");
        }
    }

    private async Task<Member> AuthorAsync()
    {
        await forum.CastAsync(Who.Author);
        return forum.Author!;
    }

    private Task<State> StateAsync(Targets targets) => ModerationState.QueryAsync(forum, async db =>
    {
        var post = await db.Posts.Where(p => p.Id == targets.PostId).Select(p => new { p.State, p.Markdown }).SingleOrDefaultAsync();
        var thread = await db.Threads.Where(t => t.Id == targets.ThreadId).Select(t => new { t.IsLocked, t.IsPinned, t.TopicId }).SingleOrDefaultAsync();
        var suspendedUntil = await db.Users.Where(u => u.Id == targets.UserId).Select(u => u.SuspendedUntil).SingleOrDefaultAsync();
        var isModerator = await db.UserRoles.AnyAsync(ur => ur.UserId == targets.UserId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == ForumRoles.Moderator));
        return new State(post?.State, post?.Markdown, thread?.IsLocked, thread?.IsPinned, thread?.TopicId, suspendedUntil, isModerator, await db.ModerationActions.CountAsync());
    });

    private Task<int> TopicIdAsync(string slug) => ModerationState.QueryAsync(forum, db => db.Topics.Where(t => t.Slug == slug).Select(t => t.Id).SingleAsync());
}
