using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;

namespace PatientForum.Tests.Features.Security;

/// <summary>
/// Sets up a member's history straight in the database, so a test can stand at the end of a first day (or past it)
/// without posting ten times and waiting out the limits between.
/// </summary>
public static class FirstDayPosts
{
    /// <summary>A written link, a bare URL that is autolinked and an image, which posts show as a link: three links.</summary>
    public const string ThreeLinks = "See [the leaflet](https://example.org/leaflet), https://example.org/exercises and ![my brace](https://example.org/brace.png)";

    /// <summary>Makes the member's account <paramref name="age"/> old.</summary>
    public static Task AgeAsync(ForumFactory factory, Member member, TimeSpan age) =>
        WithDbAsync(factory, db => db.Users.Where(u => u.Email == member.Email)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.CreatedAt, DateTime.UtcNow - age)));

    /// <summary>
    /// Gives a member who joined two hours ago a thread and <paramref name="replies"/> replies in it, plus
    /// <paramref name="moreThreads"/> more threads, all posted an hour ago; returns the first thread's id.
    /// </summary>
    public static async Task<int> SeedAsync(ForumFactory factory, Member member, int replies, int moreThreads = 0)
    {
        await AgeAsync(factory, member, TimeSpan.FromHours(2));
        return await WithDbAsync(factory, async db =>
        {
            var authorId = await db.Users.Where(u => u.Email == member.Email).Select(u => u.Id).SingleAsync();
            var topicId = await db.Topics.Where(t => t.Slug == "rehab").Select(t => t.Id).SingleAsync();
            var at = DateTime.UtcNow.AddHours(-1);
            var threads = Enumerable.Range(0, moreThreads + 1).Select(i => Thread(topicId, authorId, at, i)).ToList();
            foreach (var i in Enumerable.Range(0, replies))
            {
                threads[0].Posts.Add(Post(authorId, at, $"Earlier reply {i}."));
            }
            threads[0].ReplyCount = replies;
            db.Threads.AddRange(threads);
            await db.SaveChangesAsync();
            return threads[0].Id;
        });
    }

    /// <summary>How many posts (opening posts included) the member has, from the database.</summary>
    public static Task<int> PostCountAsync(ForumFactory factory, Member member) =>
        WithDbAsync(factory, db => db.Posts.CountAsync(p => p.Author!.Email == member.Email));

    public static Task<int> ThreadCountAsync(ForumFactory factory, Member member) =>
        WithDbAsync(factory, db => db.Threads.CountAsync(t => t.Author!.Email == member.Email));

    private static ForumThread Thread(int topicId, string authorId, DateTime at, int index)
    {
        var thread = new ForumThread
        {
            TopicId = topicId, Title = $"Earlier thread {index}", Slug = $"earlier-thread-{index}", AuthorId = authorId,
            CreatedAt = at, LastActivityAt = at,
        };
        var opening = Post(authorId, at, "Opening post.");
        opening.IsOpening = true;
        thread.Posts.Add(opening);
        return thread;
    }

    private static Post Post(string authorId, DateTime at, string text) =>
        new() { AuthorId = authorId, Markdown = text, Html = $"<p>{text}</p>", CreatedAt = at };

    private static async Task<T> WithDbAsync<T>(ForumFactory factory, Func<ForumDbContext, Task<T>> work)
    {
        using var scope = factory.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<ForumDbContext>());
    }
}
