using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;

namespace PatientForum.Tests.Features.Aliases;

/// <summary>A member's alias as a test reads it back from the database.</summary>
public sealed record AliasRow(int Number, string AliasUserId, string DisplayName, string? OwnerId, int TopicId);

/// <summary>Posting under an alias through the real composer forms, and reading aliases back.</summary>
public static class Aliasing
{
    public static async Task<ForumClient.Page> StartThreadAsync(Member member, string topicSlug, string title, string body)
    {
        var form = await member.Client.GetOkAsync($"/t/{topicSlug}/new");
        return await member.Client.SubmitAsync(form, Compose.NewThreadForm, new Dictionary<string, string?>
        {
            ["Title"] = title, ["Body"] = Canaries.PlantText("post body", body), ["UnderAlias"] = "true",
        });
    }

    /// <summary>Starts a thread under the member's alias and returns its address.</summary>
    public static async Task<string> StartThreadPathAsync(Member member, string topicSlug, string title, string body)
    {
        var page = await StartThreadAsync(member, topicSlug, title, body);
        Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
        Assert.StartsWith("/threads/", page.Url, StringComparison.Ordinal);
        return page.Url;
    }

    public static async Task<ForumClient.Page> ReplyAsync(Member member, string threadPath, string body, bool underAlias = true)
    {
        var thread = await member.Client.GetOkAsync(threadPath);
        // Null leaves the box unticked even where the form ticks it (a thread the member wrote in under the alias).
        var fields = new Dictionary<string, string?> { ["Body"] = Canaries.PlantText("post body", body), ["UnderAlias"] = underAlias ? "true" : null };
        return await member.Client.SubmitAsync(thread, Compose.ReplyForm, fields);
    }

    public static Task<AliasRow?> AliasOfAsync(ForumFactory forum, string ownerId, string topicSlug) =>
        ModerationState.QueryAsync(forum, db => db.MemberAliases
            .Where(a => a.OwnerId == ownerId && db.Topics.Any(t => t.Id == a.TopicId && t.Slug == topicSlug))
            .Select(a => new AliasRow(a.Number, a.AliasUserId, a.AliasUser!.DisplayName, a.OwnerId, a.TopicId))
            .SingleOrDefaultAsync());

    /// <summary>
    /// Puts an existing post under the alias of a member made for it (for the matrix, whose targets are written by one
    /// shared author), and returns that member's id.
    /// </summary>
    public static async Task<string> PutUnderNewAliasAsync(ForumFactory forum, int postId)
    {
        var member = await Members.RegisterConfirmedAsync(forum);
        var memberId = await ModerationState.UserIdAsync(forum, member.Email);
        using var scope = forum.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        var topicId = await db.Posts.Where(p => p.Id == postId).Select(p => p.Thread!.TopicId).SingleAsync();
        var alias = await scope.ServiceProvider.GetRequiredService<PatientForum.Web.Features.Aliases.AliasDirectory>()
            .ForPostingAsync(memberId, topicId, CancellationToken.None);
        await db.Posts.Where(p => p.Id == postId).ExecuteUpdateAsync(set => set.SetProperty(p => p.AuthorId, alias.UserId));
        return memberId;
    }
}
