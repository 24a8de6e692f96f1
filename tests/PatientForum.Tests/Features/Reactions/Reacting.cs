using AngleSharp.Dom;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Reactions;

/// <summary>Reacting through the post's own buttons, and reading the reactions as a page shows them.</summary>
public static class Reacting
{
    public static string Action(int postId, string kind) => $"/posts/{postId}/reactions/{kind}";

    /// <summary>Presses the reaction button under the post on the thread page, as a browser without script would.</summary>
    public static async Task<ForumClient.Page> PressAsync(Member member, string threadPath, int postId, string kind)
    {
        var page = await member.Client.GetOkAsync(threadPath);
        return await member.Client.SubmitAsync(page, $"form[action='{Action(postId, kind)}']", new Dictionary<string, string?>());
    }

    /// <summary>The reaction buttons under the post, or none.</summary>
    public static IReadOnlyList<IElement> Buttons(ForumClient.Page page, int postId) =>
        page.Document.QuerySelectorAll($"#post-{postId} [data-reactions] button").ToList();

    /// <summary>The button of one kind; fails when there is none.</summary>
    public static IElement Button(ForumClient.Page page, int postId, string kind) =>
        page.Document.QuerySelector($"#post-{postId} [data-reactions] button[data-reaction='{kind}']")
            ?? throw new InvalidOperationException($"No {kind} button under post {postId}.");

    /// <summary>What a screen reader reads for each kind shown under the post, buttons or counts: "Helpful, 3 people".</summary>
    public static IReadOnlyList<string> Spoken(ForumClient.Page page, int postId) =>
        page.Document.QuerySelectorAll($"#post-{postId} [data-reactions] [data-reaction]")
            .Where(e => !e.HasAttribute("hidden") && e.Closest("[hidden]") is null)
            .Select(e => e.QuerySelector("[data-reaction-name]")?.TextContent ?? "")
            .ToList();
}
