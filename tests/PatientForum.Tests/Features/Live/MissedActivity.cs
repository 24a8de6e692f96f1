using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Live;

namespace PatientForum.Tests.Features.Live;

/// <summary>
/// What a page misses while its connection is down, saved straight in the database where a test needs more of it, or
/// other times, than the forms give quickly; and the catch-up as live.js makes it, call after call until it has all.
/// </summary>
public static class MissedActivity
{
    /// <summary>
    /// Saves <paramref name="count"/> replies to a thread as two instances would whose clocks are <paramref name="skew"/>
    /// apart, taking turns: by time, every second reply comes before the one saved ahead of it. Returns their ids in saved order.
    /// </summary>
    public static Task<IReadOnlyList<int>> RepliesFromTwoClocksAsync(ForumFactory factory, int threadId, int count, TimeSpan skew) =>
        ModerationState.QueryAsync<IReadOnlyList<int>>(factory, async db =>
        {
            var authorId = await db.Threads.Where(t => t.Id == threadId).Select(t => t.AuthorId).SingleAsync();
            var now = DateTime.UtcNow;
            var ids = new List<int>(count);
            for (var i = 0; i < count; i++)
            {
                var post = Post(threadId, authorId, $"Missed reply {i}.", now.AddMilliseconds(i) - (i % 2 == 1 ? skew : TimeSpan.Zero));
                db.Posts.Add(post);
                await db.SaveChangesAsync();
                ids.Add(post.Id);
            }
            await db.Threads.Where(t => t.Id == threadId).ExecuteUpdateAsync(set => set
                .SetProperty(t => t.ReplyCount, t => t.ReplyCount + count)
                .SetProperty(t => t.LastActivityAt, now.AddMilliseconds(count)));
            return ids;
        });

    /// <summary>Saves <paramref name="count"/> replies of <paramref name="length"/> characters each to a thread; returns their ids in saved order.</summary>
    public static Task<IReadOnlyList<int>> LongRepliesAsync(ForumFactory factory, int threadId, int count, int length) =>
        ModerationState.QueryAsync<IReadOnlyList<int>>(factory, async db =>
        {
            var authorId = await db.Threads.Where(t => t.Id == threadId).Select(t => t.AuthorId).SingleAsync();
            var now = DateTime.UtcNow;
            var posts = Enumerable.Range(0, count).Select(i => Post(threadId, authorId, new string((char)('a' + i % 26), length), now.AddMilliseconds(i))).ToList();
            foreach (var post in posts)
            {
                db.Posts.Add(post);
                await db.SaveChangesAsync();
            }
            await db.Threads.Where(t => t.Id == threadId).ExecuteUpdateAsync(set => set.SetProperty(t => t.ReplyCount, t => t.ReplyCount + count));
            return posts.Select(p => p.Id).ToList();
        });

    /// <summary>Saves <paramref name="count"/> threads by <paramref name="member"/>, all last active at <paramref name="at"/>; returns their ids.</summary>
    public static Task<IReadOnlyList<int>> ThreadsActiveAtAsync(ForumFactory factory, Member member, string topicSlug, int count, DateTime at) =>
        ModerationState.QueryAsync<IReadOnlyList<int>>(factory, async db =>
        {
            var authorId = await db.Users.Where(u => u.Email == member.Email).Select(u => u.Id).SingleAsync();
            var topicId = await db.Topics.Where(t => t.Slug == topicSlug).Select(t => t.Id).SingleAsync();
            var threads = Enumerable.Range(0, count).Select(i =>
            {
                var title = $"Seeded thread {i} {Guid.NewGuid():N}";
                var thread = new ForumThread
                {
                    TopicId = topicId, Title = title, Slug = $"seeded-thread-{i}", AuthorId = authorId, CreatedAt = at, LastActivityAt = at,
                };
                var opening = Post(0, authorId, "Opening post.", at);
                opening.IsOpening = true;
                thread.Posts.Add(opening);
                return thread;
            }).ToList();
            db.Threads.AddRange(threads);
            await db.SaveChangesAsync();
            return threads.Select(t => t.Id).ToList();
        });

    /// <summary>Every reply after <paramref name="afterPostId"/>, asking again after the last of each batch until one is empty.</summary>
    public static async Task<(IReadOnlyList<PostFragment> Posts, int Calls)> AllRepliesAfterAsync(HubConnection hub, int threadId, int afterPostId)
    {
        var posts = new List<PostFragment>();
        for (var calls = 1; ; calls++)
        {
            var batch = await hub.InvokeAsync<IReadOnlyList<PostFragment>>(nameof(ForumHub.RepliesAfter), threadId, afterPostId);
            if (batch.Count == 0)
            {
                return (posts, calls);
            }
            Assert.True(batch.Count <= ForumHub.CatchUpLimit, $"One call returned {batch.Count} replies.");
            posts.AddRange(batch);
            afterPostId = batch[^1].PostId;
        }
    }

    /// <summary>Every row active after <paramref name="cursor"/>, following each page's next position until there is none.</summary>
    public static async Task<(IReadOnlyList<ThreadRowFragment> Rows, int Calls)> AllThreadActivityAfterAsync(HubConnection hub, string topicSlug, string cursor)
    {
        var rows = new List<ThreadRowFragment>();
        for (var calls = 1; ; calls++)
        {
            var page = await hub.InvokeAsync<ThreadActivityPage>(nameof(ForumHub.ThreadActivityAfter), topicSlug, cursor);
            Assert.True(page.Threads.Count <= ForumHub.CatchUpLimit, $"One call returned {page.Threads.Count} rows.");
            rows.AddRange(page.Threads);
            if (page.Next is null)
            {
                return (rows, calls);
            }
            cursor = page.Next;
        }
    }

    private static Post Post(int threadId, string authorId, string text, DateTime at) =>
        new() { ThreadId = threadId, AuthorId = authorId, Markdown = text, Html = $"<p>{text}</p>", CreatedAt = at };
}
