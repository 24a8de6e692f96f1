using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using PatientForum.Tests.Infrastructure;
using static PatientForum.Tests.Infrastructure.RawRequests;

namespace PatientForum.Tests.Features.Posting;

public sealed class EditingTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    private const string Topic = "injections";

    [Fact]
    public async Task Edit_OwnReply_ShowsNewTextWithEditedMarkerAndHistoryKeepsEarlierVersion()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var path = await Compose.StartThreadPathAsync(author, Topic, Unique("Steroid shot in the hip"), "Booked for Monday.");
        var replied = await Compose.ReplyAsync(author, path, "It stung for about ten seconds.");
        var postId = PostId(replied.Document.QuerySelectorAll("article.post")[^1]);
        var form = await author.Client.GetOkAsync($"/posts/{postId}/edit");
        Assert.Equal("It stung for about ten seconds.", BodyValue(form));

        var after = await author.Client.SubmitAsync(form, "form.composer", new Dictionary<string, string?> { ["Body"] = "It stung for about a minute, then eased." });

        Assert.Equal(HttpStatusCode.OK, after.Status);
        var post = after.Document.QuerySelector($"article#post-{postId}")!;
        Assert.Equal("It stung for about a minute, then eased.", post.QuerySelector(".post-body")!.TextContent.Trim());
        Assert.Equal($"/posts/{postId}/history", post.QuerySelector(".post-edited")?.GetAttribute("href"));
        Assert.Null(after.Document.QuerySelector("article.post-opening .post-edited"));
        var history = await author.Client.GetOkAsync($"/posts/{postId}/history");
        var versions = history.TextsOf(".revision .post-body");
        Assert.Equal(["It stung for about a minute, then eased.", "It stung for about ten seconds."], versions);
    }

    [Fact]
    public async Task Edit_OpeningPostTitle_RenamesThreadAndOldSlugRedirectsPermanently()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var oldPath = await Compose.StartThreadPathAsync(author, Topic, $"Shoulder injection diary {suffix}", "Day one.");
        var thread = await author.Client.GetOkAsync(oldPath);
        var postId = PostId(thread.Document.QuerySelector("article.post-opening")!);
        var form = await author.Client.GetOkAsync($"/posts/{postId}/edit");
        Assert.Equal($"Shoulder injection diary {suffix}", form.Document.QuerySelector("input#Title")?.GetAttribute("value"));

        var after = await author.Client.SubmitAsync(form, "form.composer", new Dictionary<string, string?> { ["Title"] = $"Shoulder injection: six months on {suffix}" });

        var newPath = $"/threads/{Compose.ThreadId(oldPath)}/shoulder-injection-six-months-on-{suffix}";
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Equal(newPath, after.Url);
        Assert.Equal($"Shoulder injection: six months on {suffix}", after.TextOf("h1"));
        using var visitor = factory.CreateForumClient(followRedirects: false);
        var old = await visitor.GetAsync(oldPath);
        Assert.Equal(HttpStatusCode.MovedPermanently, old.Status);
        Assert.Equal(newPath, LocationPath(old));
    }

    [Fact]
    public async Task Edit_GetByAnotherMember_IsForbidden()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var other = await Members.RegisterConfirmedAsync(factory);
        var postId = await StartThreadAsync(author, "My own words.");

        var page = await other.Client.GetAsync($"/posts/{postId}/edit");

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.StartsWith("/account/access-denied", page.Url, StringComparison.Ordinal);
        Assert.Equal("Not allowed", page.TextOf("h1"));
        Assert.Null(page.Document.QuerySelector("textarea#Body"));
    }

    [Fact]
    public async Task Edit_PostByAnotherMember_IsForbiddenAndPostIsUnchanged()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var other = await Members.RegisterConfirmedAsync(factory);
        var postId = await StartThreadAsync(author, "My own words.");
        var token = AntiforgeryToken(await other.Client.GetOkAsync($"/t/{Topic}/new"));

        var page = await PostFormAsync(other.Client, $"/posts/{postId}/edit",
            ("Title", "Hijacked thread title"), ("Body", "Words put in my mouth."), ("__RequestVerificationToken", token));

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.StartsWith("/account/access-denied", page.Url, StringComparison.Ordinal);
        await AssertUneditedAsync(author.Client, postId, "My own words.");
    }

    [Fact]
    public async Task Edit_ByAnonymousVisitor_RedirectsToLoginAndPostIsUnchanged()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var postId = await StartThreadAsync(author, "Signed-in authors only.");
        using var visitor = factory.CreateForumClient(followRedirects: false);
        var token = AntiforgeryToken(await visitor.GetOkAsync("/account/login"));

        var get = await visitor.GetAsync($"/posts/{postId}/edit");
        var post = await PostFormAsync(visitor, $"/posts/{postId}/edit", ("Body", "Anonymous edit."), ("__RequestVerificationToken", token));

        Assert.Equal(HttpStatusCode.Redirect, get.Status);
        Assert.Equal("/account/login", LocationPath(get));
        Assert.Equal(HttpStatusCode.Redirect, post.Status);
        Assert.Equal("/account/login", LocationPath(post));
        await AssertUneditedAsync(author.Client, postId, "Signed-in authors only.");
    }

    [Fact]
    public async Task Edit_SeededGuidePost_IsForbiddenForMember()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var guide = await member.Client.GetOkAsync("/guide");
        var partPath = guide.Document.QuerySelector(".guide-list a")!.GetAttribute("href")!;
        var part = await member.Client.GetOkAsync(partPath);
        var opening = part.Document.QuerySelector("article.post-opening")!;
        var postId = PostId(opening);
        var originalHtml = opening.QuerySelector(".post-body")!.InnerHtml;
        var token = AntiforgeryToken(await member.Client.GetOkAsync($"/t/{Topic}/new"));

        var get = await member.Client.GetAsync($"/posts/{postId}/edit");
        var post = await PostFormAsync(member.Client, $"/posts/{postId}/edit",
            ("Title", "Rewritten guide"), ("Body", "The guide, rewritten."), ("__RequestVerificationToken", token));

        Assert.Equal(HttpStatusCode.Forbidden, get.Status);
        Assert.Equal(HttpStatusCode.Forbidden, post.Status);
        var after = await member.Client.GetOkAsync(partPath);
        Assert.Equal(part.TextOf("h1"), after.TextOf("h1"));
        Assert.Equal(originalHtml, after.Document.QuerySelector($"article#post-{postId} .post-body")!.InnerHtml);
        Assert.Null(after.Document.QuerySelector($"article#post-{postId} .post-edited"));
    }

    private static string Unique(string text) => $"{text} {Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Starts a thread and returns the id of its opening post.</summary>
    private static async Task<int> StartThreadAsync(Member author, string body)
    {
        var path = await Compose.StartThreadPathAsync(author, Topic, Unique("Not yours to edit"), body);
        var thread = await author.Client.GetOkAsync(path);
        return PostId(thread.Document.QuerySelector("article.post-opening")!);
    }

    private static async Task AssertUneditedAsync(ForumClient client, int postId, string body)
    {
        var history = await client.GetOkAsync($"/posts/{postId}/history");
        Assert.Equal(body, history.TextOf(".revision .post-body"));
        Assert.Single(history.Document.QuerySelectorAll(".revision"));
        Assert.DoesNotContain("Hijacked", history.Text, StringComparison.Ordinal);
    }

    private static int PostId(IElement article) =>
        int.Parse(article.Id!["post-".Length..], System.Globalization.CultureInfo.InvariantCulture);

    private static string? BodyValue(ForumClient.Page page) =>
        (page.Document.QuerySelector("textarea#Body") as IHtmlTextAreaElement)?.Value;
}
