using System.Globalization;
using AngleSharp.Dom;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Search;

/// <summary>Invented words to search for, and the search page read back as its hits.</summary>
public static class Searching
{
    /// <summary>
    /// An invented word of letters only: the seeded guide uses everyday words (trigger, injection, PRP), so a
    /// test that searches for its own invented words finds exactly the posts it wrote, whatever else exists.
    /// </summary>
    public static string RareWord() =>
        "zorblat" + new string(Guid.NewGuid().ToByteArray().Take(10).Select(b => (char)('a' + (b % 26))).ToArray());

    /// <summary>A query string, escaped, from raw values such as <c>("q", "\"a b\"")</c>.</summary>
    public static string Query(params (string Name, string Value)[] parameters) =>
        string.Join('&', parameters.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"));

    /// <summary>GETs /search?<paramref name="query"/>, failing unless it is a 200.</summary>
    public static Task<ForumClient.Page> PageAsync(ForumClient client, string query) => client.GetOkAsync("/search?" + query);

    /// <summary>The hits of /search?<paramref name="query"/>, in the order shown.</summary>
    public static async Task<IReadOnlyList<IElement>> HitsAsync(ForumClient client, string query) =>
        Hits(await PageAsync(client, query));

    /// <summary>The hits of /search?q=<paramref name="q"/> as an anonymous visitor sees them.</summary>
    public static async Task<IReadOnlyList<IElement>> VisitorHitsAsync(ForumFactory factory, string q)
    {
        using var visitor = factory.CreateForumClient();
        return await HitsAsync(visitor, Query(("q", q)));
    }

    public static IReadOnlyList<IElement> Hits(ForumClient.Page page) => page.Document.QuerySelectorAll("li.search-hit").ToList();

    /// <summary>Where a hit links to: /posts/{id}.</summary>
    public static string Link(IElement hit) => hit.QuerySelector("h3 a")!.GetAttribute("href")!;

    public static string Title(IElement hit) => hit.QuerySelector("h3 a")!.TextContent.Trim();

    /// <summary>The id of the last post on a thread page, e.g. the reply just written.</summary>
    public static int LastPostId(ForumClient.Page threadPage) => PostId(threadPage.Document.QuerySelectorAll("article.post")[^1]);

    public static async Task<int> OpeningPostIdAsync(Member member, string threadPath) =>
        PostId((await member.Client.GetOkAsync(threadPath)).Document.QuerySelector("article.post-opening")!);

    /// <summary>Writes a reply and returns its id.</summary>
    public static async Task<int> ReplyAsync(Member member, string threadPath, string body) =>
        LastPostId(await Compose.ReplyAsync(member, threadPath, body));

    /// <summary>Edits a post through its author's edit form; a title is only taken for an opening post.</summary>
    public static async Task<ForumClient.Page> EditAsync(Member author, int postId, string? title, string? body)
    {
        var form = await author.Client.GetOkAsync($"/posts/{postId}/edit");
        // A field left out keeps the value the form already holds (SubmitAsync skips the form's value for any key given).
        var fields = new Dictionary<string, string?>();
        if (title is not null)
        {
            fields["Title"] = title;
        }
        if (body is not null)
        {
            fields["Body"] = body;
        }
        var page = await author.Client.SubmitAsync(form, "form.composer", fields);
        Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
        return page;
    }

    private static int PostId(IElement article) => int.Parse(article.Id!["post-".Length..], CultureInfo.InvariantCulture);
}
