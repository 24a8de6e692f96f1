using System.Net;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Reading;

/// <summary>Public URLs are a contract: unknown ones answer a friendly 404, and thread links always reach the canonical URL.</summary>
public sealed class UrlContractTests(SmallPagesForumFactory factory) : IClassFixture<SmallPagesForumFactory>
{
    [Theory]
    [InlineData("/t/unknown")]
    [InlineData("/threads/999999/x")]
    [InlineData("/threads/abc")]
    [InlineData("/nonexistent")]
    public async Task Get_UnknownAddress_AnswersNotFoundWithTheFriendlyPage(string url)
    {
        var visitor = factory.CreateForumClient();

        var page = await visitor.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Page not found", page.TextOf("h1"));
        Assert.StartsWith("text/html", page.Response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("/wrong-slug")]
    public async Task GetThread_WithMissingOrWrongSlug_RedirectsPermanentlyToTheCanonicalUrl(string suffix)
    {
        var (id, canonical) = await StartThreadAsync("Slug test: knee brace after surgery", replies: 0);
        var visitor = factory.CreateForumClient(followRedirects: false);

        var page = await visitor.GetAsync($"/threads/{id}{suffix}");

        Assert.Equal(HttpStatusCode.MovedPermanently, page.Status);
        Assert.Equal(canonical, page.Response.Headers.Location?.OriginalString);
        Assert.Equal($"/threads/{id}/slug-test-knee-brace-after-surgery", canonical);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/wrong-slug")]
    public async Task GetThread_WithMissingOrWrongSlugAndAPage_RedirectsKeepingThePage(string suffix)
    {
        var (id, canonical) = await StartThreadAsync("Slug test with two pages of replies", replies: SmallPagesForumFactory.PageSize);
        var visitor = factory.CreateForumClient(followRedirects: false);

        var page = await visitor.GetAsync($"/threads/{id}{suffix}?page=2");

        Assert.Equal(HttpStatusCode.MovedPermanently, page.Status);
        Assert.Equal($"{canonical}?page=2", page.Response.Headers.Location?.OriginalString);
        var target = await factory.CreateForumClient().GetOkAsync(page.Response.Headers.Location!.OriginalString);
        Assert.Equal("Reply 5", ReadingPages.PostBodies(target)[0]);
    }

    [Fact]
    public async Task GetThread_WithTheCanonicalUrl_AnswersTheThreadWithoutRedirect()
    {
        var (_, canonical) = await StartThreadAsync("Slug test: canonical address", replies: 0);
        var visitor = factory.CreateForumClient(followRedirects: false);

        var page = await visitor.GetAsync(canonical);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Slug test: canonical address", page.TextOf("h1"));
    }

    private async Task<(int Id, string Canonical)> StartThreadAsync(string title, int replies)
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var path = await Compose.StartThreadPathAsync(member, "rehab", title, "Opening post.");
        for (var i = 1; i <= replies; i++)
        {
            await Compose.ReplyAsync(member, path, $"Reply {i}");
        }
        return (Compose.ThreadId(path), path);
    }
}
