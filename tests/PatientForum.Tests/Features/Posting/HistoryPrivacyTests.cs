using System.Net;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Posting;

/// <summary>
/// An edited post's earlier versions are its author's story as first told: only the author and the moderators read
/// them, everyone else learns only that the post was edited. The author can delete them; the audit log keeps that
/// they did, not what the versions said.
/// </summary>
public sealed class HistoryPrivacyTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    private const string Topic = "rehab";

    [Fact]
    public async Task History_OfAnEditedPost_ShowsTheEarlierTextOnlyToTheAuthorAndModerators()
    {
        var (author, postId, earlier, current) = await EditedPostAsync();
        var moderator = await Staff.ModeratorAsync(factory);
        var other = await Members.RegisterConfirmedAsync(factory);

        var visitorPage = await factory.CreateForumClient().GetOkAsync(History(postId));
        var otherPage = await other.Client.GetOkAsync(History(postId));
        var authorPage = await author.Client.GetOkAsync(History(postId));
        var moderatorPage = await moderator.Client.GetOkAsync(History(postId));

        foreach (var page in new[] { visitorPage, otherPage })
        {
            Assert.Contains(current, page.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(earlier, page.Text, StringComparison.Ordinal);
            Assert.StartsWith("This post was edited", page.TextOf(".history-note"), StringComparison.Ordinal);
            Assert.Null(page.Document.QuerySelector("form.purge-history"));
        }
        Assert.Contains(earlier, authorPage.Text, StringComparison.Ordinal);
        Assert.NotNull(authorPage.Document.QuerySelector("form.purge-history"));
        Assert.Contains(earlier, moderatorPage.Text, StringComparison.Ordinal);
        Assert.Null(moderatorPage.Document.QuerySelector("form.purge-history"));
    }

    [Fact]
    public async Task PurgeHistory_ByTheAuthorAfterConfirming_LeavesNoEarlierVersionForAnyone_AndIsInTheAuditLog()
    {
        var (author, postId, earlier, current) = await EditedPostAsync();
        var moderator = await Staff.ModeratorAsync(factory);
        var history = await author.Client.GetOkAsync(History(postId));

        var confirm = await author.Client.SubmitAsync(history, "form.purge-history", new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.OK, confirm.Status);
        Assert.Equal("Delete earlier versions of your post?", confirm.TextOf("h1"));
        Assert.Contains(earlier, (await author.Client.GetOkAsync(History(postId))).Text, StringComparison.Ordinal);
        var purged = await author.Client.SubmitAsync(confirm, "form[action$='/history/purge']", new Dictionary<string, string?>());

        Assert.Equal(HttpStatusCode.OK, purged.Status);
        Assert.Equal(History(postId), purged.Url);
        foreach (var reader in new[] { author.Client, moderator.Client, factory.CreateForumClient() })
        {
            var page = await reader.GetOkAsync(History(postId));
            Assert.Contains(current, page.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(earlier, page.Text, StringComparison.Ordinal);
        }
        Assert.StartsWith("The author deleted earlier versions", (await moderator.Client.GetOkAsync(History(postId))).TextOf(".history-purged"), StringComparison.Ordinal);
        var log = await moderator.Client.GetOkAsync("/moderation/log");
        var entry = log.Document.QuerySelectorAll("table.log tbody tr").First(row => row.TextContent.Contains($"post {postId}", StringComparison.Ordinal));
        Assert.Contains("PurgeHistory", entry.TextContent, StringComparison.Ordinal);
        Assert.Contains(author.DisplayName, entry.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(earlier, log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PurgeHistory_ByAnotherMember_IsRefusedAndKeepsTheVersions()
    {
        var (author, postId, earlier, _) = await EditedPostAsync();
        var other = await Members.RegisterConfirmedAsync(factory);

        var refused = await other.Client.PostAsync($"/posts/{postId}/history/purge", new Dictionary<string, string?> { ["confirm"] = "true" });

        Assert.Equal("/account/access-denied", new Uri(new Uri("http://x"), refused.Url).AbsolutePath);
        Assert.Contains(earlier, (await author.Client.GetOkAsync(History(postId))).Text, StringComparison.Ordinal);
    }

    /// <summary>A reply its author has edited once: the earlier and the current text are both unique.</summary>
    private async Task<(Member Author, int PostId, string Earlier, string Current)> EditedPostAsync()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var earlier = Unique("My first telling, with my clinic's name");
        var current = Unique("A shorter telling");
        var path = await Compose.StartThreadPathAsync(author, Topic, Unique("An edited story"), earlier);
        var postId = await ModerationState.OpeningPostIdAsync(author.Client, path);
        var form = await author.Client.GetOkAsync($"/posts/{postId}/edit");
        Assert.Equal(HttpStatusCode.OK, (await author.Client.SubmitAsync(form, "form.composer", new Dictionary<string, string?> { ["Body"] = current })).Status);
        return (author, postId, earlier, current);
    }

    private static string History(int postId) => $"/posts/{postId}/history";

    private static string Unique(string text) => $"{text} {Guid.NewGuid().ToString("N")[..8]}";
}
