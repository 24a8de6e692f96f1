using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Features.Notifications;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Features.Profiles;

namespace PatientForum.Tests.Features.Profiles;

/// <summary>Display names link to profiles wherever they are shown, and @mentions of members in posts do too.</summary>
public sealed class NameLinkTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    [Fact]
    public async Task AuthorsName_OnThreadTopicAndSearchPages_LinksToTheirProfile_BesideTheirAvatar()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var word = $"kinesio{Guid.NewGuid():N}"[..20];
        var path = await Compose.StartThreadPathAsync(author, "rehab", $"Taping for knees {word}", $"Has anyone tried {word} tape?");
        var profile = Profiling.PathOf(author.DisplayName);
        var visitor = factory.CreateForumClient();

        var thread = await visitor.GetOkAsync(path);
        var byline = thread.Document.QuerySelector("article.post-opening .post-byline")!;
        Assert.Equal(profile, byline.QuerySelector("a.post-author")!.GetAttribute("href"));
        Assert.Equal(author.DisplayName, byline.QuerySelector("a.post-author")!.TextContent);
        var avatar = byline.QuerySelector(".avatar")!;
        Assert.Equal(Avatars.Initials(author.DisplayName), avatar.TextContent);
        Assert.Contains(Avatars.Of(author.DisplayName).CssClass, avatar.ClassList);
        Assert.Equal("true", avatar.GetAttribute("aria-hidden"));

        var topic = await visitor.GetOkAsync("/t/rehab");
        Assert.Equal(profile, topic.Document.QuerySelector($"#thread-{Compose.ThreadId(path)} a.member-name")!.GetAttribute("href"));

        var search = await visitor.GetOkAsync($"/search?q={word}");
        Assert.Equal(profile, search.Document.QuerySelector(".search-hit a.member-name")!.GetAttribute("href"));

        var followed = await visitor.GetOkAsync(profile);
        Assert.Equal(author.DisplayName, followed.TextOf("h1"));
    }

    [Fact]
    public async Task Mention_OfAMember_IsLinkedToTheirProfile_ButNotInCodeAndNotForUnknownNames()
    {
        var named = await Members.RegisterConfirmedAsync(factory);
        var writer = await Members.RegisterConfirmedAsync(factory);
        var path = await Compose.StartThreadPathAsync(writer, "rehab", $"Pool sessions {Guid.NewGuid():N}", "Which pool do you use?");
        var spelled = named.DisplayName.ToLowerInvariant();
        var body = $"Thanks @{spelled}! And @Nobody {Guid.NewGuid():N}, `@{named.DisplayName}` and someone@example.org.";

        var postId = await Profiling.ReplyAsync(writer, path, body);

        var post = (await factory.CreateForumClient().GetOkAsync(path)).Document.QuerySelector($"#post-{postId} .post-body")!;
        var mention = Assert.Single(post.QuerySelectorAll("a.mention"));
        Assert.Equal(Profiling.PathOf(named.DisplayName), mention.GetAttribute("href"));
        Assert.Equal($"@{spelled}", mention.TextContent);
        Assert.Equal($"@{named.DisplayName}", post.QuerySelector("code")!.TextContent);
        Assert.Contains($"Thanks @{spelled}! And @Nobody", post.TextContent, StringComparison.Ordinal);

        var preview = await writer.Client.PostAsync("/posts/preview", new Dictionary<string, string?> { ["body"] = body });
        Assert.Single(preview.Document.QuerySelectorAll("a.mention"));

        await Notifying.SettledAsync(factory);
        var notifications = await named.Client.GetOkAsync("/notifications");
        Assert.Equal(Profiling.PathOf(writer.DisplayName), notifications.Document.QuerySelector(".notification-line a.member-name")!.GetAttribute("href"));
    }

    [Fact]
    public async Task PostsSavedBeforeMentionsWereLinked_StillRenderAsTheyWere()
    {
        var named = await Members.RegisterConfirmedAsync(factory);
        var writer = await Members.RegisterConfirmedAsync(factory);
        var path = await Compose.StartThreadPathAsync(writer, "rehab", $"Older post {Guid.NewGuid():N}", "An opening post.");
        var postId = await Profiling.ReplyAsync(writer, path, "A reply about to be made old.");
        var oldHtml = $"<p>Thanks @{named.DisplayName}, as I wrote last year.</p>";
        await ModerationState.QueryAsync(factory, db => db.Posts.Where(p => p.Id == postId).ExecuteUpdateAsync(set => set.SetProperty(p => p.Html, oldHtml)));

        var post = (await factory.CreateForumClient().GetOkAsync(path)).Document.QuerySelector($"#post-{postId} .post-body")!;

        Assert.Equal(oldHtml, post.InnerHtml.Trim());
        Assert.Empty(post.QuerySelectorAll("a"));
    }
}
