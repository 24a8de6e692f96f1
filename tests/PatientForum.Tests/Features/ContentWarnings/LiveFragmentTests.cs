using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Live;
using PatientForum.Web.Features.Threads;

namespace PatientForum.Tests.Features.ContentWarnings;

/// <summary>
/// What a live push carries of a warned or noted post. A push goes to a whole group (a thread's readers, staff), so it
/// is rendered with no member's reading setting: a warned post is always folded there, whoever receives it.
/// </summary>
public sealed class LiveFragmentTests(ForumFactory forum) : IClassFixture<ForumFactory>
{
    [Fact]
    public async Task LivePush_WarnedAndNotedPost_IsFoldedBehindItsWarning_AndCarriesTheNote()
    {
        using var scope = forum.Services.CreateScope();
        var fragments = scope.ServiceProvider.GetRequiredService<LiveFragments>();
        var post = new PostView(
            1, 1, "author-id", "Someone", "<p>The needle went in.</p>", DateTime.UtcNow, null, false, PostState.Visible, false,
            ContentWarnings: "needles", ModeratorNote: "Check this with your nurse.", ModeratorNoteUrl: "https://example.org/nurse");

        var fragment = await fragments.RenderPostAsync(post);

        var html = new HtmlParser().ParseDocument(fragment.Html);
        var box = html.QuerySelector("article.post details.content-warning")!;
        Assert.False(box.HasAttribute("open"));
        Assert.StartsWith("Content warning: needles", box.QuerySelector("summary")!.TextContent.Trim(), StringComparison.Ordinal);
        var note = html.QuerySelector("article.post .moderator-note")!;
        Assert.Contains("Moderator note: Check this with your nurse.", string.Join(' ', note.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Equal("https://example.org/nurse", note.QuerySelector("a")!.GetAttribute("href"));
    }
}
