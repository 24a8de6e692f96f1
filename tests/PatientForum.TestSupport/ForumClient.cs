using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace PatientForum.TestSupport;

/// <summary>
/// Drives the forum the way a browser does: reads a page, fills in one of its forms (hidden fields and the
/// antiforgery token included) and submits it. Works over any <see cref="HttpClient"/>, so the same helper
/// talks to the in-process test server and to a forum running as its own process.
/// </summary>
/// <param name="http">The browser: its base address is the forum; whether it follows redirects is its own.</param>
/// <param name="cookies">The cookie jar <paramref name="http"/> keeps its cookies in.</param>
/// <param name="mail">The pickup folder of the forum <paramref name="http"/> talks to, for confirmation links.</param>
public sealed partial class ForumClient(HttpClient http, CookieContainer cookies, MailPickup mail) : IDisposable
{
    private static readonly HtmlParser s_parser = new();

    public HttpClient Http { get; } = http;

    /// <summary>This browser's cookies (sign-in, antiforgery), for a client of its own such as a load loop.</summary>
    public CookieContainer Cookies { get; } = cookies;

    public MailPickup Mail { get; } = mail;

    /// <summary>The session's cookies, as a Cookie header, for clients that do not share this HttpClient (SignalR).</summary>
    public string CookieHeader => Cookies.GetCookieHeader(Http.BaseAddress!);

    public async Task<Page> GetAsync(string url)
    {
        var response = await Http.GetAsync(new Uri(url, UriKind.Relative));
        return await Page.FromAsync(response);
    }

    /// <summary>GETs a page and fails, as <see cref="HttpResponseMessage.EnsureSuccessStatusCode"/> does, unless it is a 200.</summary>
    public async Task<Page> GetOkAsync(string url)
    {
        var page = await GetAsync(url);
        return page.Status == HttpStatusCode.OK
            ? page
            : throw new HttpRequestException($"GET {url} answered {(int)page.Status}: {page.Text[..Math.Min(500, page.Text.Length)]}", null, page.Status);
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
    /// Opens <paramref name="formPage"/>, fills in its form that posts to <paramref name="action"/> and submits it;
    /// fails as <see cref="HttpResponseMessage.EnsureSuccessStatusCode"/> does unless the answer is a success.
    /// </summary>
    public async Task<Page> SubmitAsync(string formPage, string action, Dictionary<string, string?> fields)
    {
        var page = await GetOkAsync(formPage);
        return (await SubmitAsync(page, $"form[action='{action}'], form[action^='{action}?']", fields)).EnsureSuccess();
    }

    /// <summary>
    /// POSTs <paramref name="fields"/> to any URL with a valid antiforgery token for this session, taken from
    /// the contact form: for requests a page would not offer, such as replying to a locked thread.
    /// </summary>
    public async Task<Page> PostAsync(string url, IDictionary<string, string?> fields)
    {
        var values = fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Key, f.Value!))
            .Append(new("__RequestVerificationToken", await FormTokenAsync("/contact")));
        using var content = new FormUrlEncodedContent(values);
        var response = await Http.PostAsync(new Uri(url, UriKind.Relative), content);
        return await Page.FromAsync(response);
    }

    /// <summary>The antiforgery token a form on <paramref name="formPage"/> carries for this session.</summary>
    public async Task<string> FormTokenAsync(string formPage) => (await GetOkAsync(formPage)).AntiforgeryToken();

    public void Dispose() => Http.Dispose();

    /// <summary>A response, parsed.</summary>
    public sealed record Page(HttpStatusCode Status, string Url, string Text, IHtmlDocument Document, HttpResponseMessage Response)
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

        /// <summary>The antiforgery token of the page's form.</summary>
        public string AntiforgeryToken() =>
            Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
                ?? throw new InvalidOperationException($"No antiforgery token on {Url}.");

        /// <summary>This page, unless it is an error answer: then the exception that <see cref="HttpResponseMessage.EnsureSuccessStatusCode"/> throws.</summary>
        public Page EnsureSuccess() => Response.IsSuccessStatusCode
            ? this
            : throw new HttpRequestException($"{Url} answered {(int)Status}.", null, Status);
    }
}
