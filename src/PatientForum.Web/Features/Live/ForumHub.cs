using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Features.Notifications;
using PatientForum.Web.Features.Threads;

namespace PatientForum.Web.Features.Live;

/// <summary>
/// The one hub, at /hubs/forum. It is thin on purpose: clients join groups and ask for what they missed.
/// Content is never sent through it; posting is a normal HTTP POST with validation and antiforgery.
/// <para>
/// The connection's claims are from when it opened, so staff privileges are checked again in the database on every
/// call that would use them (<see cref="StaffStanding"/>): a moderator demoted or suspended since loses them at once.
/// </para>
/// </summary>
public sealed class ForumHub(
    ThreadReader reader, LiveFragments fragments, IPresenceTracker presence, PresenceNotifier presenceNotifier, LiveAudience audience,
    NotificationReader notifications, TimeProvider clock)
    : Hub<IForumClient>
{
    /// <summary>Most replies or thread rows one catch-up call returns; a page that missed more asks again from where it got to.</summary>
    public const int CatchUpLimit = 100;

    /// <summary>
    /// Most bytes of HTML one catch-up call returns (beyond its first row), however long the posts: a page that missed
    /// more asks again from where it got to, as past <see cref="CatchUpLimit"/>.
    /// </summary>
    public const int CatchUpBytes = 256 * 1024;

    /// <summary>
    /// How far before its join a topic page's catch-up reaches back: it covers a reply stamped just before the join but
    /// saved after it, and instances whose clocks differ by less. A row the page already has is put in its place again.
    /// </summary>
    public static readonly TimeSpan CatchUpOverlap = TimeSpan.FromMinutes(1);

    /// <summary>Who a typing notice names where it may not name the writer.</summary>
    public const string AnonymousWriter = "Someone";

    private static readonly TimeSpan s_typingInterval = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Starts live updates for a thread the caller may read; returns how many are reading it. Those who read
    /// members-only threads join its members' group too, which hears of it should it become members-only.
    /// </summary>
    public async Task<int> JoinThread(int threadId)
    {
        var viewer = await EnsureReadableAsync(threadId);
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Thread(threadId));
        if (viewer.ReadsMembersOnly)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.MembersThread(threadId));
        }
        var readers = await presence.JoinAsync(Context.ConnectionId, threadId);
        presenceNotifier.Changed(threadId);
        return readers;
    }

    public async Task LeaveThread(int threadId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Thread(threadId));
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.MembersThread(threadId));
        if (await presence.LeaveAsync(Context.ConnectionId, threadId))
        {
            presenceNotifier.Changed(threadId);
        }
    }

    /// <summary>
    /// Starts live updates of a topic's thread list; returns the position to catch up from (<see cref="ThreadActivityAfter"/>)
    /// should the connection drop. Rows of members-only threads are sent only to the topic's members' group, which
    /// only those who read members-only threads join.
    /// </summary>
    public async Task<string> JoinTopic(string topicSlug)
    {
        await EnsureTopicAsync(topicSlug);
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Topic(topicSlug));
        if ((await ViewerAsync()).ReadsMembersOnly)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.MembersTopic(topicSlug));
        }
        return new ActivityCursor(clock.GetUtcNow().UtcDateTime - CatchUpOverlap, 0).ToToken();
    }

    /// <summary>
    /// The rows of a topic's threads that were started or replied to after <paramref name="cursor"/>, oldest first, for
    /// catching up after a reconnect: the rows the live push sends, so hidden threads are never among them, nor
    /// members-only ones for a caller who does not read those.
    /// </summary>
    public async Task<ThreadActivityPage> ThreadActivityAfter(string topicSlug, string cursor)
    {
        if (!ActivityCursor.TryParse(cursor, out var after))
        {
            throw new HubException("That catch-up position is not valid.");
        }
        await EnsureTopicAsync(topicSlug);
        return await fragments.ThreadRowsAfterAsync(topicSlug, after, CatchUpLimit, CatchUpBytes, await ViewerAsync(), Context.ConnectionAborted);
    }

    /// <summary>
    /// Live updates of the moderation queue's size, for the moderation page. Moderators and admins only: the count is
    /// pushed to every open page of the members with staff privileges at the time (see <see cref="LiveBroadcaster"/>),
    /// and this refuses a caller who has lost them since the connection opened, so the page can tell.
    /// </summary>
    [Authorize(Policy = ForumPolicies.Moderator)]
    public async Task JoinModerators()
    {
        if (!(await ViewerAsync()).IsModerator)
        {
            throw new HubException("Only moderators and admins see the review queue.");
        }
    }

    /// <summary>
    /// Replies saved after the last one the page shows, for catching up after a reconnect: at most <see cref="CatchUpLimit"/>,
    /// in the order they were saved. The page asks again after the last one it got until a call returns none.
    /// </summary>
    public async Task<IReadOnlyList<PostFragment>> RepliesAfter(int threadId, int afterPostId)
    {
        await EnsureReadableAsync(threadId);
        return await fragments.PostsAfterAsync(threadId, afterPostId, CatchUpLimit, CatchUpBytes, await ViewerAsync(), Context.ConnectionAborted);
    }

    /// <summary>The signed-in caller's unread notification count, for the bell; only ever their own.</summary>
    [Authorize]
    public Task<int> UnreadNotifications() =>
        notifications.UnreadCountAsync(Context.UserIdentifier ?? throw new HubException("Sign in to see notifications."), Context.ConnectionAborted);

    /// <summary>
    /// Tells the other readers that a signed-in member is writing a reply. Throttled per connection. In a topic that
    /// allows aliases it names nobody: the reply may come under the writer's alias, and a name pushed a moment before
    /// the alias's post would tie the two (the composer's box can be ticked at the last moment, so it cannot be asked).
    /// </summary>
    [Authorize(Policy = ForumPolicies.CanPost)]
    public async Task Typing(int threadId)
    {
        var now = clock.GetUtcNow();
        var key = $"typing:{threadId}";
        if (Context.Items.TryGetValue(key, out var last) && last is DateTimeOffset at && now - at < s_typingInterval)
        {
            return;
        }
        Context.Items[key] = now;
        await EnsureReadableAsync(threadId);
        if (await audience.ThreadAsync(threadId, Context.ConnectionAborted) is not { } thread)
        {
            return;
        }
        var name = thread.AllowsAliases ? AnonymousWriter : ForumClaims.DisplayNameOf(Context.User!) ?? AnonymousWriter;
        await Clients.OthersInGroup(LiveGroups.ThreadFor(threadId, thread.MembersOnly)).Typing(threadId, name);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var threadId in await presence.LeaveAllAsync(Context.ConnectionId))
        {
            presenceNotifier.Changed(threadId);
        }
        await base.OnDisconnectedAsync(exception);
    }

    private async Task EnsureTopicAsync(string topicSlug)
    {
        if (!await reader.TopicExistsAsync(topicSlug, Context.ConnectionAborted))
        {
            throw new HubException("That topic does not exist.");
        }
    }

    /// <summary>Refuses a thread the caller may not read (hidden from them, or members-only); returns the caller.</summary>
    private async Task<Viewer> EnsureReadableAsync(int threadId)
    {
        var viewer = await ViewerAsync();
        if (!await reader.CanReadThreadAsync(threadId, viewer, Context.ConnectionAborted))
        {
            throw new HubException("That thread does not exist or is not visible to you.");
        }
        return viewer;
    }

    /// <summary>The caller, with staff privileges only if the database still grants them.</summary>
    private async Task<Viewer> ViewerAsync()
    {
        var viewer = Viewer.From(Context.User);
        return viewer.IsModerator && !await audience.IsActiveStaffAsync(viewer.UserId, Context.ConnectionAborted)
            ? viewer with { IsModerator = false }
            : viewer;
    }
}
