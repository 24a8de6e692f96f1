using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Posting;

/// <summary>
/// Lengths are counted as readers count characters, but one such character can hide any number of combining marks
/// or code units. A title or body that is short to the eye and megabytes long is refused on the form, with the
/// text kept and nothing saved; the preview refuses it too, before rendering anything.
/// </summary>
public sealed class TextLengthTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    private const string Topic = "rehab";
    private const char Acute = '\u0301';

    /// <summary>A family emoji: one character to a reader, eight UTF-16 units.</summary>
    private const string Family = "\U0001F468\u200D\U0001F469\u200D\U0001F467";

    [Theory]
    [InlineData("a")]
    [InlineData("Knee pain a")]
    public async Task StartThread_TitleWithALetterCarryingTenThousandMarks_Answers422KeepsTextAndSavesNothing(string start)
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var title = start + new string(Acute, 10_000);
        var body = Unique("My story");

        var page = await Compose.StartThreadAsync(member, Topic, title, body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.StartsWith("The title has a letter with more than 4 accents or marks stacked on it", page.TextOf("#Title-error"), StringComparison.Ordinal);
        Assert.Equal(title, page.Document.QuerySelector("input#Title")!.GetAttribute("value"));
        Assert.Equal(body, BodyValue(page));
        Assert.Equal(0, await PostCountAsync(member));
    }

    [Fact]
    public async Task StartThread_BodyOverTheUtf16CapInFewCharacters_Answers422KeepsTextAndSavesNothing()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var title = Unique("Our family's story");
        var body = string.Concat(Enumerable.Repeat(Family, 6_000));

        var page = await Compose.StartThreadAsync(member, Topic, title, body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Equal("The post is too long: use at most 20,000 characters. Emoji and letters with accents added to them count as two or more.",
            page.TextOf("#Body-error"));
        Assert.Equal(title, page.Document.QuerySelector("input#Title")!.GetAttribute("value"));
        Assert.Equal(body, BodyValue(page));
        Assert.Equal(0, await PostCountAsync(member));
    }

    [Fact]
    public async Task Reply_BodyOfZalgoText_Answers422KeepsTextAndSavesNothing()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var path = await Compose.StartThreadPathAsync(member, Topic, Unique("A thread to reply to"), "Opening.");
        var body = "He comes" + new string('\u0489', 5);

        var page = await Compose.ReplyAsync(member, path, body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.StartsWith("The post has a letter with more than 4 accents or marks", page.TextOf("#Body-error"), StringComparison.Ordinal);
        Assert.Equal(body, BodyValue(page));
        Assert.Equal(1, await PostCountAsync(member));
    }

    [Fact]
    public async Task Edit_OpeningPostWithAMarkedTitle_Answers422AndChangesNeitherTitleNorBody()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var title = Unique("Before the edit");
        var path = await Compose.StartThreadPathAsync(member, Topic, title, "The first words.");
        var postId = await ModerationState.OpeningPostIdAsync(member.Client, path);
        var form = await member.Client.GetOkAsync($"/posts/{postId}/edit");

        var page = await member.Client.SubmitAsync(form, "form.composer", new Dictionary<string, string?>
        {
            ["Title"] = "Renamed" + new string(Acute, 50_000),
            ["Body"] = "The second words.",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Equal("The second words.", BodyValue(page));
        var thread = await member.Client.GetOkAsync(path);
        Assert.Equal(title, thread.TextOf("h1"));
        Assert.Equal("The first words.", thread.TextOf("article.post-opening .post-body"));
    }

    [Fact]
    public async Task Preview_BodyOverTheUtf16Cap_Answers422WithTheReasonAndRendersNothing()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var body = "**bold** " + new string('x', 100) + new string(Acute, 200_000);

        var (status, type, text) = await PreviewAsync(member, body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("text/plain", type);
        Assert.StartsWith("The post has a letter with more than 4 accents or marks", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<strong>", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_BodyOfMoreThanTwentyThousandCharacters_Answers422WithTheReason()
    {
        var member = await Members.RegisterConfirmedAsync(factory);

        var (status, _, text) = await PreviewAsync(member, new string('y', 300_000));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("The post is too long: use at most 20,000 characters (it has 300,000).", text);
    }

    [Fact]
    public async Task StartThread_AccentedEmojiAndCjkTextAtTheLimits_IsAcceptedAsWritten()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        // Precomposed and combining accents, an emoji of two units, a CJK character, Vietnamese with two marks on one letter.
        string[] pieces = ["é", "e\u0301", "\U0001F600", "漢", "ệ", "o\u0302\u0323"];
        var title = Unique("Hip") + " " + Repeat(pieces, 150 - 13);
        var body = Repeat(pieces, 20_000);

        var page = await Compose.StartThreadAsync(member, Topic, title, body);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(150, new StringInfo(title).LengthInTextElements);
        Assert.Equal(title, page.TextOf("h1"));
        Assert.Equal(body, page.TextOf("article.post .post-body"));
    }

    [Fact]
    public async Task StartThread_BodyOfTwentyThousandEmojiAtBothCaps_IsAccepted()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var body = string.Concat(Enumerable.Repeat("\U0001F600", 20_000));

        var page = await Compose.StartThreadAsync(member, Topic, Unique("Smiles all round"), body);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(40_000, body.Length);
        Assert.Equal(body, page.TextOf("article.post .post-body"));
    }

    private static async Task<(HttpStatusCode Status, string? MediaType, string Text)> PreviewAsync(Member member, string body)
    {
        var compose = await member.Client.GetOkAsync($"/t/{Topic}/new");
        var token = compose.Document.QuerySelector("form.composer input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent([new("body", body), new("__RequestVerificationToken", token)]);
        using var response = await member.Client.Http.PostAsync(new Uri("/posts/preview", UriKind.Relative), content);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The member's posts, as the database holds them: a refused post leaves no row behind.</summary>
    private async Task<int> PostCountAsync(Member member)
    {
        var userId = await ModerationState.UserIdAsync(factory, member.Email);
        return await ModerationState.QueryAsync(factory, db => db.Posts.CountAsync(p => p.AuthorId == userId));
    }

    private static string Repeat(string[] pieces, int count) => string.Concat(Enumerable.Range(0, count).Select(i => pieces[i % pieces.Length]));

    private static string Unique(string text) => $"{text} {Guid.NewGuid().ToString("N")[..8]}";

    private static string? BodyValue(ForumClient.Page page) => (page.Document.QuerySelector("textarea#Body") as IHtmlTextAreaElement)?.Value;
}
