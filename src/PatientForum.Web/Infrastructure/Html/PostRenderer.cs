using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;

namespace PatientForum.Web.Infrastructure.Html;

/// <summary>Turns a post's Markdown into HTML that is safe to store and show as is.</summary>
public interface IPostRenderer
{
    string Render(string markdown);
}

/// <summary>
/// Markdig (CommonMark, plus autolinks and hard line breaks as forum members expect) followed by
/// HtmlSanitizer. Built once and shared: both are thread-safe after configuration.
/// </summary>
public sealed class PostRenderer : IPostRenderer
{
    private const string ExternalLinkRel = "nofollow ugc noopener";

    // Tags that have no place in a post: forms could phish, embeds could track or run code.
    private static readonly string[] s_removedTags =
    [
        "form", "input", "button", "select", "option", "optgroup", "textarea", "label", "fieldset",
        "legend", "datalist", "output", "iframe", "frame", "frameset", "object", "embed", "style",
    ];

    // id and name could clobber the page's own DOM names; style is not allowed at all. class is not in HtmlSanitizer's
    // defaults either, and is named here so that it stays out: a post wearing the forum's own classes (post-meta,
    // post-author, notice) could pass itself off as a moderator's post or a moderation notice, and the stylesheet
    // needs no class that Markdig writes (language-* on fenced code is not styled).
    private static readonly string[] s_removedAttributes = ["style", "id", "name", "tabindex", "accesskey", "class"];

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public string Render(string markdown)
    {
        var html = Markdown.ToHtml(markdown, _pipeline);
        return _sanitizer.Sanitize(html);
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        foreach (var tag in s_removedTags)
        {
            sanitizer.AllowedTags.Remove(tag);
        }
        foreach (var attribute in s_removedAttributes)
        {
            sanitizer.AllowedAttributes.Remove(attribute);
        }
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        sanitizer.AllowDataAttributes = false;
        sanitizer.PostProcessDom += (_, e) =>
        {
            RewriteLinksAndImages(e.Document);
            NestHeadings(e.Document);
        };
        return sanitizer;
    }

    /// <summary>
    /// A post sits under its page's own heading (the thread title is the page's one h1), so its headings move one level
    /// down: a "# Heading" in a post is an h2 on the page, and the outline of the page stays whole. h6 has nowhere lower to go.
    /// </summary>
    private static void NestHeadings(IParentNode document)
    {
        foreach (var heading in document.QuerySelectorAll("h1, h2, h3, h4, h5").ToList())
        {
            var level = heading.LocalName[1] - '0';
            var nested = heading.Owner!.CreateElement("h" + (level + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var attribute in heading.Attributes)
            {
                nested.SetAttribute(attribute.Name, attribute.Value);
            }
            while (heading.FirstChild is { } child)
            {
                nested.AppendChild(child);
            }
            heading.Replace(nested);
        }
    }

    private static void RewriteLinksAndImages(IParentNode document)
    {
        // Remote images would tell a third party who reads which health story, so they become links.
        foreach (var image in document.QuerySelectorAll("img").ToList())
        {
            var source = image.GetAttribute("src");
            var alt = image.GetAttribute("alt");
            var replacement = image.Owner!.CreateElement("a");
            replacement.SetAttribute("href", source ?? "");
            replacement.TextContent = string.IsNullOrWhiteSpace(alt) ? "image" : alt;
            image.Replace(replacement);
        }

        foreach (var link in document.QuerySelectorAll("a[href]"))
        {
            var href = link.GetAttribute("href") ?? "";
            if (Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                link.SetAttribute("rel", ExternalLinkRel);
            }
            else
            {
                link.RemoveAttribute("target");
            }
        }
    }
}
