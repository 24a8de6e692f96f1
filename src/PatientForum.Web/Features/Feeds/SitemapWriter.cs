using System.Text;
using System.Xml;
using PatientForum.Web.Infrastructure.Time;

namespace PatientForum.Web.Features.Feeds;

/// <summary>Writes the sitemap protocol's XML (sitemaps.org 0.9): an index of files, or a file of addresses.</summary>
public static class SitemapWriter
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static readonly XmlWriterSettings s_settings = new() { Encoding = new UTF8Encoding(false) };

    /// <summary>A <c>sitemapindex</c> of the files.</summary>
    public static byte[] Index(IEnumerable<SitemapUrl> files) => Write("sitemapindex", "sitemap", files);

    /// <summary>A <c>urlset</c> of the addresses.</summary>
    public static byte[] Urls(IEnumerable<SitemapUrl> urls) => Write("urlset", "url", urls);

    private static byte[] Write(string root, string element, IEnumerable<SitemapUrl> entries)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, s_settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement(root, Namespace);
            foreach (var entry in entries)
            {
                writer.WriteStartElement(element, Namespace);
                writer.WriteElementString("loc", Namespace, entry.Location);
                if (entry.LastModified is { } modified)
                {
                    writer.WriteElementString("lastmod", Namespace, W3CDates.Of(modified));
                }
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        }
        return stream.ToArray();
    }
}
