using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;

namespace PatientForum.Tests.Features.Caching;

public sealed class PageCacheTests(PageCacheTests.CountingForum factory) : IClassFixture<PageCacheTests.CountingForum>
{
    /// <summary>A forum that counts the SQL commands it sends while it serves a request.</summary>
    public sealed class CountingForum : ForumFactory
    {
        public CommandCounter Commands { get; } = new();

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.ConfigureDbContext<SqliteForumDbContext>(options => options.AddInterceptors(Commands));
                services.ConfigureDbContext<PostgresForumDbContext>(options => options.AddInterceptors(Commands));
                services.AddTransient<IStartupFilter, CommandCounter.RequestMarker>();
            });
        }
    }

    /// <summary>
    /// Counts the commands sent on behalf of a request; the background workers' (notification jobs, the outbox,
    /// digests) would otherwise land in a page's count whenever they happen to run.
    /// </summary>
    public sealed class CommandCounter : DbCommandInterceptor
    {
        private static readonly AsyncLocal<bool> s_servingRequest = new();
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (s_servingRequest.Value)
            {
                Interlocked.Increment(ref _count);
            }
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        /// <summary>Marks everything that runs inside the request pipeline, first in it.</summary>
        public sealed class RequestMarker : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use(async (context, rest) =>
                {
                    s_servingRequest.Value = true;
                    await rest(context);
                });
                next(app);
            };
        }
    }

    [Fact]
    public async Task AnonymousPages_AreServedFromTheCache_MembersPagesNever()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var path = await Compose.StartThreadPathAsync(member, "rehab", "Cached thread", "Cache me.");
        var reader = factory.CreateForumClient();

        foreach (var page in new[] { "/", "/t/rehab", path, "/guide" })
        {
            await reader.GetOkAsync(page);
            var again = await reader.GetOkAsync(page);
            Assert.True(again.Response.Headers.Age is not null, $"{page} was not served from the cache.");
        }
        await member.Client.GetOkAsync(path);
        var mine = await member.Client.GetOkAsync(path);
        Assert.Null(mine.Response.Headers.Age);
        Assert.Contains(member.DisplayName, mine.TextOf(".signed-in-as"), StringComparison.Ordinal);
        Assert.DoesNotContain(member.DisplayName, (await reader.GetOkAsync(path)).TextOf("header") ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryKindOfChange_EvictsTheCachedPagesItTouches()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var (path, postId) = await Moderating.ThreadWithReplyAsync(author, "The first reply.");
        var threadId = Compose.ThreadId(path);
        var moderator = await Staff.ModeratorAsync(factory);
        var reader = factory.CreateForumClient();

        await AssertFreshAfterAsync(reader, path, () => Compose.ReplyAsync(author, path, "A second reply."), page => page.Text.Contains("A second reply.", StringComparison.Ordinal));
        await AssertFreshAfterAsync(reader, path, async () =>
        {
            var form = await author.Client.GetOkAsync($"/posts/{postId}/edit");
            await author.Client.SubmitAsync(form, "form.composer", new Dictionary<string, string?> { ["Body"] = "The first reply, edited." });
        }, page => page.Text.Contains("The first reply, edited.", StringComparison.Ordinal));
        await AssertFreshAfterAsync(reader, path, () => Moderating.ActAsync(moderator, postId, "hide", "cache"), page => page.Text.Contains("hidden by a moderator", StringComparison.Ordinal));
        await AssertFreshAfterAsync(reader, path, () => Moderating.ActAsync(moderator, postId, "restore", "cache"), page => page.Text.Contains("The first reply, edited.", StringComparison.Ordinal));
        await AssertFreshAfterAsync(reader, path, () => Moderating.ActAsync(moderator, postId, "delete", "cache"), page => page.Text.Contains("removed by a moderator", StringComparison.Ordinal));
        await AssertFreshAfterAsync(reader, path, () => Moderating.ThreadActAsync(moderator, threadId, "lock", "cache"), page => page.Text.Contains("This thread is locked", StringComparison.Ordinal));
        await AssertFreshAfterAsync(reader, "/t/rehab", () => Moderating.ThreadActAsync(moderator, threadId, "move", "cache", "1"), page => page.Document.QuerySelector($"#thread-{threadId}") is null);
        await AssertFreshAfterAsync(reader, "/t/injections", () => Task.CompletedTask, page => page.Document.QuerySelector($"#thread-{threadId}") is not null);
    }

    [Fact]
    public async Task ModeratorRole_GrantedOrRevokedOnTheAdminPage_ShowsOnTheCachedPagesOfThePostsWrittenAsStaff_OnlyThose()
    {
        var admin = await Staff.AdminAsync(factory);
        var author = await Members.RegisterConfirmedAsync(factory);
        var other = await Members.RegisterConfirmedAsync(factory);
        var own = await Compose.StartThreadPathAsync(author, "rehab", "A thread before the badge", "Written as a member.");
        var elsewhere = await Compose.StartThreadPathAsync(other, "biologics", "Someone else's thread", "Opening words.");
        await Compose.ReplyAsync(author, elsewhere, "A reply written as a member.");
        var visitor = factory.CreateForumClient();
        Assert.Equal(["no badge"], await BadgesAsync(visitor, own, author));
        await CachedAsync(visitor, own, elsewhere);

        var staff = await admin.Client.GetOkAsync("/admin/moderators");
        await admin.Client.SubmitAsync(staff, "form[action='/admin/moderators/grant']", new Dictionary<string, string?> { ["email"] = author.Email });
        // Their sign-in carries the role from the next time they sign in.
        var asModerator = author with { Client = factory.CreateForumClient() };
        (await Members.SignInAsync(asModerator.Client, asModerator)).EnsureSuccess();
        await Compose.ReplyAsync(asModerator, elsewhere, "A reply written as a moderator.", asStaff: true);

        // What they wrote as a member stays a member's post; what they wrote as staff has the badge.
        Assert.Equal(["no badge"], await BadgesAsync(visitor, own, author));
        Assert.Equal(["no badge", "Moderator"], await BadgesAsync(visitor, elsewhere, author));
        Assert.Equal(["no badge"], await BadgesAsync(visitor, elsewhere, other));
        await CachedAsync(visitor, own, elsewhere);

        var authorId = await ModerationState.UserIdAsync(factory, author.Email);
        await admin.Client.SubmitAsync(await admin.Client.GetOkAsync("/admin/moderators"),
            $"form[action='/admin/moderators/revoke']:has(input[value='{authorId}'])", new Dictionary<string, string?>());

        Assert.Equal(["no badge"], await BadgesAsync(visitor, own, author));
        Assert.Equal(["no badge", "no badge"], await BadgesAsync(visitor, elsewhere, author));
    }

    [Fact]
    public async Task ThreadPage_CostsTheSameNumberOfQueries_HoweverManyReplies()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var small = await Compose.StartThreadPathAsync(member, "biologics", "Short thread", "One post.");
        var large = await Compose.StartThreadPathAsync(member, "biologics", "Long thread", "Many posts.");
        for (var i = 0; i < 15; i++)
        {
            await Compose.ReplyAsync(member, large, $"Reply {i} by a member.");
        }

        var smallCount = await CountQueriesAsync(small);
        var largeCount = await CountQueriesAsync(large);

        Assert.Equal(smallCount, largeCount);
        // The thread and its page of posts, and the thread's treatment record (one query, whether it has one or not).
        Assert.InRange(largeCount, 1, 4);
    }

    private async Task<int> CountQueriesAsync(string path)
    {
        var before = factory.Commands.Count;
        var page = await factory.CreateForumClient().GetOkAsync(path + "?page=1");
        Assert.Null(page.Response.Headers.Age);
        return factory.Commands.Count - before;
    }

    /// <summary>Loads each page twice, so it is in the cache, and checks the second load came from there.</summary>
    private static async Task CachedAsync(ForumClient visitor, params string[] paths)
    {
        foreach (var path in paths)
        {
            await visitor.GetOkAsync(path);
            Assert.True((await visitor.GetOkAsync(path)).Response.Headers.Age is not null, $"{path} was not served from the cache.");
        }
    }

    /// <summary>The staff badge beside <paramref name="member"/>'s name on each of their posts on the page, as the very next visitor request shows it.</summary>
    private static async Task<List<string>> BadgesAsync(ForumClient visitor, string path, Member member) =>
        (await visitor.GetOkAsync(path)).Document.QuerySelectorAll(".post-meta")
            .Where(meta => meta.QuerySelector(".post-author")?.TextContent == member.DisplayName)
            .Select(meta => meta.QuerySelector(".staff-badge")?.TextContent.Trim() ?? "no badge")
            .ToList();

    /// <summary>Makes sure the page is cached, makes the change, and checks the very next anonymous request sees it.</summary>
    private static async Task AssertFreshAfterAsync(ForumClient reader, string path, Func<Task> change, Func<ForumClient.Page, bool> showsChange)
    {
        await reader.GetOkAsync(path);
        Assert.NotNull((await reader.GetOkAsync(path)).Response.Headers.Age);
        await change();
        var after = await reader.GetOkAsync(path);
        Assert.True(showsChange(after), $"{path} was stale after the change.");
    }
}
