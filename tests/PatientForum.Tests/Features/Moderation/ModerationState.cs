using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;

namespace PatientForum.Tests.Features.Moderation;

/// <summary>
/// Reads what moderation changed straight from the database, for checks no page can make (for example that a
/// refused request changed nothing at all), and finds ids the pages only show inside links.
/// </summary>
public static class ModerationState
{
    public static async Task<T> QueryAsync<T>(ForumFactory factory, Func<ForumDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<ForumDbContext>());
    }

    public static Task<string> UserIdAsync(ForumFactory factory, string email) =>
        QueryAsync(factory, db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public static Task<int> AuditCountAsync(ForumFactory factory) =>
        QueryAsync(factory, db => db.ModerationActions.CountAsync());

    /// <summary>The id of a thread's opening post, as the thread page shows it to <paramref name="client"/>.</summary>
    public static async Task<int> OpeningPostIdAsync(ForumClient client, string threadPath)
    {
        var page = await client.GetOkAsync(threadPath);
        var id = page.Document.QuerySelector("article.post-opening")?.Id
            ?? throw new InvalidOperationException($"No opening post on {threadPath}.");
        return int.Parse(id["post-".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Suspends a member through the form on their moderation page; empty days suspends indefinitely.</summary>
    public static async Task<ForumClient.Page> SuspendAsync(Member moderator, string userId, string? days, string reason)
    {
        var page = await moderator.Client.GetOkAsync($"/moderation/users/{userId}");
        return await moderator.Client.SubmitAsync(page, "form[action$='/suspend']", new Dictionary<string, string?> { ["Days"] = days, ["Reason"] = reason });
    }

    public static async Task<ForumClient.Page> UnsuspendAsync(Member moderator, string userId, string reason)
    {
        var page = await moderator.Client.GetOkAsync($"/moderation/users/{userId}");
        return await moderator.Client.SubmitAsync(page, "form[action$='/unsuspend']", new Dictionary<string, string?> { ["Reason"] = reason });
    }
}
