using System.Globalization;
using System.Net;
using PatientForum.Tests.Infrastructure;
using static PatientForum.Tests.Infrastructure.RawRequests;

namespace PatientForum.Tests.Features.Posting;

public sealed class PostingTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    private const string Topic = "rehab";

    [Fact]
    public async Task StartThread_WithValidTitleAndBody_AppearsOnTopicAndThreadPage()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var title = Unique("Knee rehab after PRP");

        var thread = await Compose.StartThreadAsync(member, Topic, title, "Week one: gentle cycling only.");

        Assert.Equal(HttpStatusCode.OK, thread.Status);
        Assert.Equal(title, thread.TextOf("h1"));
        var opening = Assert.Single(thread.Document.QuerySelectorAll("article.post"));
        Assert.Contains("post-opening", opening.ClassList);
        Assert.Equal(member.DisplayName, opening.QuerySelector(".post-author")!.TextContent);
        Assert.Equal("Week one: gentle cycling only.", opening.QuerySelector(".post-body")!.TextContent.Trim());
        var topic = await member.Client.GetOkAsync($"/t/{Topic}");
        var link = Assert.Single(topic.Document.QuerySelectorAll(".thread-title a"), a => a.TextContent == title);
        Assert.Equal(thread.Url, link.GetAttribute("href"));
    }

    [Fact]
    public async Task Reply_ByAnotherMember_AppearsLastWithAuthorsDisplayName()
    {
        var starter = await Members.RegisterConfirmedAsync(factory);
        var replier = await Members.RegisterConfirmedAsync(factory);
        var path = await Compose.StartThreadPathAsync(starter, Topic, Unique("Hamstring exercises"), "What worked for you?");
        await Compose.ReplyAsync(starter, path, "Nordic curls, slowly.");

        var after = await Compose.ReplyAsync(replier, path, "Bridges first, then **curls**.");

        Assert.Equal(HttpStatusCode.OK, after.Status);
        var posts = after.Document.QuerySelectorAll("article.post");
        Assert.Equal(3, posts.Length);
        Assert.Equal(replier.DisplayName, posts[^1].QuerySelector(".post-author")!.TextContent);
        Assert.Equal("curls", posts[^1].QuerySelector(".post-body strong")?.TextContent);
    }

    [Theory]
    [InlineData("Knee", "The title is too short: use at least 5 characters.")]
    [InlineData("  \t  ", "Give your thread a title.")]
    public async Task StartThread_WithTooShortTitle_Answers422KeepsTextAndSavesNothing(string title, string message)
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var body = Unique("My story so far");
        var before = await ThreadCountAsync(member.Client);

        var page = await Compose.StartThreadAsync(member, Topic, title, body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Equal(message, page.TextOf("#Title-error"));
        Assert.Contains(message, page.TextOf(".form-errors"), StringComparison.Ordinal);
        Assert.Equal(title.Trim(), page.Document.QuerySelector("input#Title")!.GetAttribute("value") ?? "");
        Assert.Equal(body, BodyValue(page));
        Assert.Equal(before, await ThreadCountAsync(member.Client));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n\t \n ")]
    public async Task StartThread_WithEmptyOrWhitespaceBody_Answers422KeepsTitleAndSavesNothing(string body)
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var title = Unique("Elbow brace questions");
        var before = await ThreadCountAsync(member.Client);

        var page = await Compose.StartThreadAsync(member, Topic, title, body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Equal("Write something before posting.", page.TextOf("#Body-error"));
        Assert.NotNull(page.Document.QuerySelector(".form-errors"));
        Assert.Equal(title, page.Document.QuerySelector("input#Title")!.GetAttribute("value"));
        Assert.Equal("", BodyValue(page));
        Assert.Equal(before, await ThreadCountAsync(member.Client));
    }

    [Fact]
    public async Task StartThread_WithBodyOf20001Characters_Answers422KeepsTextAndSavesNothing()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var title = Unique("A very long story");
        var body = new string('x', 20_001);
        var before = await ThreadCountAsync(member.Client);

        var page = await Compose.StartThreadAsync(member, Topic, title, body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.StartsWith("The post is too long: use at most 20", page.TextOf("#Body-error"), StringComparison.Ordinal);
        Assert.Equal(title, page.Document.QuerySelector("input#Title")!.GetAttribute("value"));
        Assert.Equal(body, BodyValue(page));
        Assert.Equal(before, await ThreadCountAsync(member.Client));
    }

    [Theory]
    [InlineData(5, 1)]
    [InlineData(150, 20_000)]
    public async Task StartThread_AtTheLengthLimits_IsAccepted(int titleLength, int bodyLength)
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var title = (Unique("Hip") + new string('t', titleLength))[..titleLength];
        var body = new string('b', bodyLength);

        var page = await Compose.StartThreadAsync(member, Topic, title, body);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(title, page.TextOf("h1"));
        Assert.Equal(body, page.TextOf("article.post .post-body"));
    }

    [Theory]
    [InlineData(" \n\t ", 1, "Write something before posting.")]
    [InlineData("y", 20_001, "The post is too long: use at most 20")]
    public async Task Reply_WithInvalidBody_Answers422OnReplyPageKeepsTextAndSavesNothing(string piece, int count, string message)
    {
        var body = string.Concat(Enumerable.Repeat(piece, count));
        var member = await Members.RegisterConfirmedAsync(factory);
        var title = Unique("Ankle sprain that won't heal");
        var path = await Compose.StartThreadPathAsync(member, Topic, title, "Six months and counting.");

        var page = await Compose.ReplyAsync(member, path, body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Equal($"Reply to “{title}”", page.TextOf("h1"));
        Assert.NotNull(page.Document.QuerySelector(".form-errors"));
        Assert.StartsWith(message, page.TextOf("#Body-error"), StringComparison.Ordinal);
        Assert.Equal(body.Trim(), BodyValue(page));
        Assert.Equal(1, await PostCountAsync(member.Client, path));
    }

    [Fact]
    public async Task StartThread_SameFormSubmittedTwice_MakesOneThread()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var title = Unique("Double click on a slow connection");
        var fields = new Dictionary<string, string?> { ["Title"] = title, ["Body"] = "Did it post twice?" };
        var before = await ThreadCountAsync(member.Client);
        var form = await member.Client.GetOkAsync($"/t/{Topic}/new");

        var first = await member.Client.SubmitAsync(form, Compose.NewThreadForm, fields);
        var second = await member.Client.SubmitAsync(form, Compose.NewThreadForm, fields);

        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(first.Url, second.Url);
        Assert.Equal(before + 1, await ThreadCountAsync(member.Client));
        Assert.Single(second.Document.QuerySelectorAll("article.post"));
    }

    [Fact]
    public async Task StartThread_SameFormSubmittedTwiceAtOnce_MakesOneThread()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var fields = new Dictionary<string, string?> { ["Title"] = Unique("Impatient double click"), ["Body"] = "Both at once." };
        var before = await ThreadCountAsync(member.Client);
        var form = await member.Client.GetOkAsync($"/t/{Topic}/new");

        var answers = await Task.WhenAll(
            member.Client.SubmitAsync(form, Compose.NewThreadForm, fields),
            member.Client.SubmitAsync(form, Compose.NewThreadForm, fields));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal(answers[0].Url, answers[1].Url);
        Assert.Equal(before + 1, await ThreadCountAsync(member.Client));
    }

    [Fact]
    public async Task Reply_SameFormSubmittedTwice_MakesOneReply()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var path = await Compose.StartThreadPathAsync(member, Topic, Unique("Shoulder rehab week 3"), "Progress log.");
        var thread = await member.Client.GetOkAsync(path);
        var fields = new Dictionary<string, string?> { ["Body"] = "Full range of motion today." };

        var first = await member.Client.SubmitAsync(thread, Compose.ReplyForm, fields);
        var second = await member.Client.SubmitAsync(thread, Compose.ReplyForm, fields);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(2, await PostCountAsync(member.Client, path));
    }

    [Fact]
    public async Task Reply_ByAnonymousVisitor_RedirectsToLoginAndSavesNothing()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var path = await Compose.StartThreadPathAsync(member, Topic, Unique("Who can reply here"), "Members only.");
        using var visitor = factory.CreateForumClient(followRedirects: false);
        var token = AntiforgeryToken(await visitor.GetOkAsync("/account/login"));

        var response = await PostFormAsync(visitor, $"/threads/{Compose.ThreadId(path)}/reply",
            ("Body", "Anonymous words"), ("SubmissionToken", Guid.NewGuid().ToString()), ("__RequestVerificationToken", token));

        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        Assert.Equal("/account/login", LocationPath(response));
        Assert.Equal(1, await PostCountAsync(member.Client, path));
    }

    [Fact]
    public async Task Reply_WithoutAntiforgeryToken_IsRefusedWith400AndSavesNothing()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var path = await Compose.StartThreadPathAsync(member, Topic, Unique("Cross-site reply attempt"), "Hello.");
        await member.Client.GetOkAsync(path);

        var response = await PostFormAsync(member.Client, $"/threads/{Compose.ThreadId(path)}/reply",
            ("Body", "Posted by another site"), ("SubmissionToken", Guid.NewGuid().ToString()));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(1, await PostCountAsync(member.Client, path));
    }

    [Fact]
    public async Task Reply_ToUnknownThread_Answers404()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var token = AntiforgeryToken(await member.Client.GetOkAsync($"/t/{Topic}/new"));

        var response = await PostFormAsync(member.Client, "/threads/987654/reply",
            ("Body", "Is anyone there?"), ("SubmissionToken", Guid.NewGuid().ToString()), ("__RequestVerificationToken", token));

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
    }

    private static string Unique(string text) => $"{text} {Guid.NewGuid().ToString("N")[..8]}";

    private static string? BodyValue(ForumClient.Page page) =>
        (page.Document.QuerySelector("textarea#Body") as AngleSharp.Html.Dom.IHtmlTextAreaElement)?.Value;

    /// <summary>The topic's thread count as the home page shows it ("12 threads").</summary>
    private static async Task<int> ThreadCountAsync(ForumClient client)
    {
        var home = await client.GetOkAsync("/");
        var card = home.Document.QuerySelectorAll(".topic-card").Single(c => c.QuerySelector($"a[href='/t/{Topic}']") is not null);
        var text = card.QuerySelector(".muted")!.TextContent.Trim();
        return int.Parse(text[..text.IndexOf(' ', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
    }

    private static async Task<int> PostCountAsync(ForumClient client, string threadPath) =>
        (await client.GetOkAsync(threadPath)).Document.QuerySelectorAll("article.post").Length;
}
