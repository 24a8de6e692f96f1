using System.Reflection;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Features.Live;

namespace PatientForum.Tests.Features.Security;

/// <summary>
/// Every public method of every hub, called through a real SignalR client by each kind of caller. The server
/// decides: a refused call fails with a HubException, an allowed one does what it says.
/// </summary>
public sealed class HubAuthorizationMatrixTests(MatrixForum forum) : IClassFixture<MatrixForum>
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A hub method, who may call it, and the call with what success means; <paramref name="Refused"/> checks, after
    /// a refused call, what the refusal must keep from the caller.
    /// </summary>
    private sealed record HubRule(string Method, Access Access, Func<HubConnection, Member, Targets, Task> Call,
        Func<HubConnection, Member, Targets, Task>? Refused = null);

    private static readonly HubRule[] s_rules =
    [
        new(nameof(ForumHub.JoinThread), Access.Anyone, async (hub, _, t) =>
            Assert.True(await hub.InvokeAsync<int>(nameof(ForumHub.JoinThread), t.ThreadId) >= 1)),
        new(nameof(ForumHub.LeaveThread), Access.Anyone, (hub, _, t) => hub.InvokeAsync(nameof(ForumHub.LeaveThread), t.ThreadId)),
        new(nameof(ForumHub.JoinTopic), Access.Anyone, (hub, _, _) => hub.InvokeAsync(nameof(ForumHub.JoinTopic), "rehab")),
        new(nameof(ForumHub.RepliesAfter), Access.Anyone, async (hub, _, t) =>
            Assert.Contains(await hub.InvokeAsync<IReadOnlyList<PostFragment>>(nameof(ForumHub.RepliesAfter), t.ThreadId, 0), p => p.PostId == t.PostId)),
        new(nameof(ForumHub.ThreadActivityAfter), Access.Anyone, async (hub, _, _) => Assert.NotNull(await hub.InvokeAsync<ThreadActivityPage>(
            nameof(ForumHub.ThreadActivityAfter), "rehab", await hub.InvokeAsync<string>(nameof(ForumHub.JoinTopic), "rehab")))),

        // Whoever joins hears the queue count when a post is flagged; whoever is refused does not hear it.
        new(nameof(ForumHub.JoinModerators), Access.Moderator, QueueCountIsHeardAsync, Refused: QueueCountIsNotHeardAsync),
        new(nameof(ForumHub.Typing), Access.CanPost, TypingIsHeardAsync),
        new(nameof(ForumHub.UnreadNotifications), Access.SignedIn, async (hub, _, _) =>
            Assert.True(await hub.InvokeAsync<int>(nameof(ForumHub.UnreadNotifications)) >= 0)),
    ];

    public static TheoryData<string, Who> Cells()
    {
        var data = new TheoryData<string, Who>();
        foreach (var rule in s_rules)
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                data.Add(rule.Method, who);
            }
        }
        return data;
    }

    [Fact]
    public void Hubs_EveryPublicMethod_HasARow()
    {
        var methods = typeof(ForumHub).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && IsHub(t))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName && m.GetBaseDefinition().DeclaringType == t)
                .Select(m => m.Name))
            .ToHashSet();
        var rows = s_rules.Select(r => r.Method).ToHashSet();

        Assert.True(methods.SetEquals(rows),
            $"Hub methods with no row: {string.Join(", ", methods.Except(rows))}; rows for methods no hub has: {string.Join(", ", rows.Except(methods))}");
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task HubMethod_ByEachKindOfCaller_IsCheckedOnTheServer(string method, Who who)
    {
        var rule = s_rules.Single(r => r.Method == method);
        var caller = await forum.CastAsync(who);
        var targets = await forum.SharedTargetsAsync(Target.Content);
        await using var hub = await LiveClient.ConnectAsync(forum, who == Who.Anonymous ? null : caller.Client);

        var call = rule.Call(hub, caller, targets);

        if (AccessRules.Allows(rule.Access, who))
        {
            await call;
        }
        else
        {
            await Assert.ThrowsAsync<HubException>(() => call);
            if (rule.Refused is not null)
            {
                await rule.Refused(hub, caller, targets);
            }
        }
    }

    /// <summary>A caller who joins the moderators' group hears the queue count when a member flags a post.</summary>
    private static async Task QueueCountIsHeardAsync(HubConnection hub, Member caller, Targets targets)
    {
        var heard = QueueCounts(hub);
        await hub.InvokeAsync(nameof(ForumHub.JoinModerators));

        await FlagANewPostAsync((MatrixForum)ForumFactory.Of(caller.Client));

        using var timeout = new CancellationTokenSource(s_wait);
        Assert.True(await heard.Reader.ReadAsync(timeout.Token) > 0);
    }

    /// <summary>A caller refused the moderators' group does not hear the queue count a moderator hears.</summary>
    private static async Task QueueCountIsNotHeardAsync(HubConnection hub, Member caller, Targets targets)
    {
        var forum = (MatrixForum)ForumFactory.Of(caller.Client);
        var heard = QueueCounts(hub);
        await using var moderator = await LiveClient.ConnectAsync(forum, (await forum.CastAsync(Who.Moderator)).Client);
        var moderatorHeard = QueueCounts(moderator);
        await moderator.InvokeAsync(nameof(ForumHub.JoinModerators));

        await FlagANewPostAsync(forum);

        using var timeout = new CancellationTokenSource(s_wait);
        await moderatorHeard.Reader.ReadAsync(timeout.Token);
        // The server answers a call on the caller's connection after whatever it sent there before, and the client
        // hands messages to their handlers in order: once the answer is in, a count sent to the caller has been heard.
        await hub.InvokeAsync<int>(nameof(ForumHub.JoinThread), targets.ThreadId);
        Assert.False(heard.Reader.TryRead(out _), "A caller refused the moderators' group heard the queue count.");
    }

    private static async Task FlagANewPostAsync(MatrixForum forum)
    {
        var post = await forum.NewTargetsAsync(Target.Content, content: true, contact: false);
        await Moderating.FlagAsync(await forum.CastAsync(Who.Member), post.PostId);
    }

    private static Channel<int> QueueCounts(HubConnection hub)
    {
        var counts = Channel.CreateUnbounded<int>();
        hub.On<int>(nameof(IForumClient.QueueCount), count => counts.Writer.TryWrite(count));
        return counts;
    }

    /// <summary>
    /// Another reader of the thread hears that someone is writing: named nobody, as the target thread's topic allows
    /// aliases (the caller's reply could come under one).
    /// </summary>
    private static async Task TypingIsHeardAsync(HubConnection hub, Member caller, Targets targets)
    {
        await using var reader = await LiveClient.ConnectAsync(ForumFactory.Of(caller.Client));
        var heard = Channel.CreateUnbounded<string>();
        reader.On<int, string>(nameof(IForumClient.Typing), (_, name) => heard.Writer.TryWrite(name));
        await reader.InvokeAsync<int>(nameof(ForumHub.JoinThread), targets.ThreadId);

        await hub.InvokeAsync(nameof(ForumHub.Typing), targets.ThreadId);

        using var timeout = new CancellationTokenSource(s_wait);
        Assert.Equal(ForumHub.AnonymousWriter, await heard.Reader.ReadAsync(timeout.Token));
    }

    private static bool IsHub(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t == typeof(Hub) || (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Hub<>)))
            {
                return true;
            }
        }
        return false;
    }
}
