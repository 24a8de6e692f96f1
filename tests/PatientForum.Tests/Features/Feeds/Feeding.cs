using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Features.Feeds;
using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Tests.Features.Feeds;

/// <summary>Reads feeds as a feed reader does: parsed by System.ServiceModel.Syndication, RSS and Atom alike.</summary>
public static class Feeding
{
    public static readonly string[] Formats = ["rss", "atom"];

    /// <summary>The forum's public address, which every absolute link in a feed, sitemap or meta tag starts with.</summary>
    public static string PublicUrl(ForumFactory factory) => factory.Services.GetRequiredService<IOptions<ForumOptions>>().Value.PublicUrl.TrimEnd('/');

    /// <summary>Fetches a feed (200 expected) and parses it.</summary>
    public static async Task<(ForumClient.Page Page, SyndicationFeed Feed)> LoadAsync(ForumClient client, string path)
    {
        var page = await client.GetAsync(path);
        Assert.True(page.Status == HttpStatusCode.OK, $"{path} answered {(int)page.Status}");
        var expected = path.EndsWith(".rss", StringComparison.Ordinal) ? "application/rss+xml" : "application/atom+xml";
        Assert.Equal(expected, page.Response.Content.Headers.ContentType?.MediaType);
        using var reader = XmlReader.Create(new StringReader(page.Text));
        return (page, SyndicationFeed.Load(reader));
    }

    /// <summary>An entry's author as the format carries it: Atom's author name, RSS's dc:creator.</summary>
    public static string? AuthorOf(SyndicationItem item) =>
        item.Authors.FirstOrDefault()?.Name ?? item.ElementExtensions
            .Where(e => e.OuterName == "creator" && e.OuterNamespace == FeedWriter.DublinCore)
            .Select(e => e.GetReader().ReadElementContentAsString())
            .FirstOrDefault();

    public static string LinkOf(SyndicationItem item) => item.Links.First(l => l.RelationshipType is null or "alternate").Uri.AbsoluteUri;

    /// <summary>A GET with a conditional header, as a feed reader polls.</summary>
    public static async Task<HttpResponseMessage> ConditionalAsync(ForumClient client, string path, Action<HttpRequestMessage> condition)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        condition(request);
        return await client.Http.SendAsync(request);
    }
}
