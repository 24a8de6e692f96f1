using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using PatientForum.Web.Infrastructure.Time;

namespace PatientForum.Web.Features.Feeds;

/// <summary>
/// Writes a <see cref="FeedContent"/> as RSS 2.0 or Atom 1.0 through System.ServiceModel.Syndication. The output depends
/// on the content alone (no "now" in it), so the same content is the same bytes and its hash is a stable ETag.
/// </summary>
public static class FeedWriter
{
    /// <summary>Dublin Core, whose <c>creator</c> names an RSS item's author: RSS's own author element wants an email address.</summary>
    public const string DublinCore = "http://purl.org/dc/elements/1.1/";

    private static readonly XmlWriterSettings s_settings = new() { Encoding = new UTF8Encoding(false), Indent = false };

    public static byte[] Write(FeedContent content, FeedFormat format, string selfUrl)
    {
        var feed = new SyndicationFeed(XmlText(content.Title), XmlText(content.Description), new Uri(content.PageUrl))
        {
            Id = selfUrl,
            Language = "en",
            LastUpdatedTime = W3CDates.Utc(content.Updated),
            Generator = "PatientForum",
            Items = content.Entries.Select(entry => Item(entry, format)).ToList(),
        };
        feed.Links.Add(new SyndicationLink(new Uri(selfUrl), "self", null, format.MediaType(), 0));
        if (format == FeedFormat.Rss)
        {
            feed.AttributeExtensions.Add(new XmlQualifiedName("dc", "http://www.w3.org/2000/xmlns/"), DublinCore);
        }
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, s_settings))
        {
            SyndicationFeedFormatter formatter = format == FeedFormat.Rss ? new Rss20FeedFormatter(feed) : new Atom10FeedFormatter(feed);
            formatter.WriteTo(writer);
        }
        return stream.ToArray();
    }

    private static SyndicationItem Item(FeedEntry entry, FeedFormat format)
    {
        var url = new Uri(entry.Url);
        var item = new SyndicationItem(XmlText(entry.Title), (SyndicationContent?)null, url, entry.Url, W3CDates.Utc(entry.Updated))
        {
            PublishDate = W3CDates.Utc(entry.Published),
        };
        if (entry.Excerpt.Length > 0)
        {
            // Plain text, never the post's HTML: a short excerpt keeps what is copied elsewhere small.
            item.Summary = new TextSyndicationContent(XmlText(entry.Excerpt), TextSyndicationContentKind.Plaintext);
        }
        var author = XmlText(entry.AuthorName);
        if (format == FeedFormat.Rss)
        {
            item.ElementExtensions.Add(new SyndicationElementExtension(new XElement(XName.Get("creator", DublinCore), author).CreateReader()));
        }
        else
        {
            item.Authors.Add(new SyndicationPerson { Name = author });
        }
        return item;
    }

    /// <summary>
    /// Text with the characters XML 1.0 cannot hold taken out (titles and posts may hold any Unicode, and the writer
    /// refuses the rest rather than write a feed no reader could parse).
    /// </summary>
    public static string XmlText(string text)
    {
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                kept.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                kept.Append(text, i, 2);
                i++;
            }
        }
        return kept.ToString();
    }
}
