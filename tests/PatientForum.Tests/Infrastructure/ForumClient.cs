using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace PatientForum.Tests.Infrastructure;

/// <summary>
/// Drives the forum the way a browser does: reads a page, fills in one of its forms (hidden fields and
/// the antiforgery token included) and submits it.
/// </summary>
public sealed class ForumClient(HttpClient http, ForumFactory factory, System.Net.CookieContainer cookies) : IDisposable
{
    private static readonly HtmlParser s_parser = new();

    public HttpClient Http { get; } = http;

    public ForumFactory Factory { get; } = factory;

    /// <summary>The session's cookies, as a Cookie header, for clients that do not share this HttpClient (SignalR).</summary>
    public string CookieHeader => cookies.GetCookieHeader(Http.BaseAddress!);

    public async Task<Page> GetAsync(string url)
    {
        var response = await Http.GetAsync(new Uri(url, UriKind.Relative));
        return await Page.FromAsync(response);
    }

    /// <summary>GETs a page and fails the test unless it is a 200.</summary>
    public async Task<Page> GetOkAsync(string url)
    {
        var page = await GetAsync(url);
        Assert.True(page.Status == System.Net.HttpStatusCode.OK, $"GET {url} answered {(int)page.Status}: {page.Text[..Math.Min(500, page.Text.Length)]}");
        return page;
    }

    /// <summary>Submits the form matched by <paramref name="formSelector"/> on <paramref name="page"/>, with <paramref name="fields"/> set.</summary>
    public async Task<Page> SubmitAsync(Page page, string formSelector, IDictionary<string, string?> fields)
    {
        var form = page.Document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form matches '{formSelector}' on {page.Url}.");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || fields.ContainsKey(name))
            {
                continue;
            }
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when !box.IsChecked:
                    continue;
                case IHtmlInputElement input:
                    values.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement area:
                    values.Add(new(name, area.Value));
                    break;
                case IHtmlSelectElement select:
                    values.Add(new(name, select.Value ?? ""));
                    break;
            }
        }
        foreach (var (name, value) in fields)
        {
            if (value is not null)
            {
                values.Add(new(name, value));
            }
        }

        var action = form.GetAttribute("action") ?? page.Url;
        using var content = new FormUrlEncodedContent(values);
        var response = await Http.PostAsync(new Uri(action, UriKind.RelativeOrAbsolute), content);
        return await Page.FromAsync(response);
    }

    /// <summary>
    /// POSTs <paramref name="fields"/> to any URL with a valid antiforgery token for this session, taken from
    /// the contact form: for requests a page would not offer, such as replying to a locked thread.
    /// </summary>
    public async Task<Page> PostAsync(string url, IDictionary<string, string?> fields)
    {
        var tokenPage = await GetOkAsync("/contact");
        var token = tokenPage.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        var values = fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Key, f.Value!))
            .Append(new("__RequestVerificationToken", token));
        using var content = new FormUrlEncodedContent(values);
        var response = await Http.PostAsync(new Uri(url, UriKind.Relative), content);
        return await Page.FromAsync(response);
    }

    public void Dispose() => Http.Dispose();

    /// <summary>A response, parsed.</summary>
    public sealed record Page(System.Net.HttpStatusCode Status, string Url, string Text, IHtmlDocument Document, HttpResponseMessage Response)
    {
        public static async Task<Page> FromAsync(HttpResponseMessage response)
        {
            var text = await response.Content.ReadAsStringAsync();
            var url = response.RequestMessage?.RequestUri?.PathAndQuery ?? "/";
            return new Page(response.StatusCode, url, text, await s_parser.ParseDocumentAsync(text), response);
        }

        /// <summary>The trimmed text content of the first element matching the selector, or null.</summary>
        public string? TextOf(string selector) => Document.QuerySelector(selector)?.TextContent.Trim();

        public IReadOnlyList<string> TextsOf(string selector) =>
            Document.QuerySelectorAll(selector).Select(e => e.TextContent.Trim()).ToList();
    }
}
