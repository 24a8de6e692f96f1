using System.Globalization;
using System.Net;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.MembersOnly;

/// <summary>Members-only threads made and switched through the real forms, as their authors and moderators do.</summary>
public static class MembersOnlyThreads
{
    /// <summary>Starts a thread through the composer with "Members only" chosen; returns its canonical path.</summary>
    public static async Task<string> StartAsync(Member member, string topicSlug, string title, string body)
    {
        var form = await member.Client.GetOkAsync($"/t/{topicSlug}/new");
        var page = await member.Client.SubmitAsync(form, Compose.NewThreadForm, new Dictionary<string, string?>
        {
            ["Title"] = title, ["Body"] = Canaries.PlantText("post body", body), ["Audience"] = "Members",
        });
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith("/threads/", page.Url, StringComparison.Ordinal);
        return page.Url;
    }

    /// <summary>Uses the "Who can read this thread" form on the thread page (for its author or a moderator).</summary>
    public static async Task<ForumClient.Page> SwitchAsync(Member member, string threadPath, string audience, string? reason = null)
    {
        var page = await member.Client.GetOkAsync(threadPath);
        return await member.Client.SubmitAsync(page, $"form[action='{AudiencePath(threadPath)}']", new Dictionary<string, string?>
        {
            ["Audience"] = audience, ["Reason"] = reason,
        });
    }

    /// <summary>The form's address for the thread at <paramref name="threadPath"/>.</summary>
    public static string AudiencePath(string threadPath) =>
        string.Create(CultureInfo.InvariantCulture, $"/threads/{Compose.ThreadId(threadPath)}/audience");

    public static string Unique(string text) => $"{text} k{Guid.NewGuid():N}"[..(text.Length + 13)];
}
