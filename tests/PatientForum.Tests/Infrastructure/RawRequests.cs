namespace PatientForum.Tests.Infrastructure;

/// <summary>
/// For requests a page would not make: a form posted to another URL, without a token, or by someone who
/// should not be able to. Import with <c>using static</c>.
/// </summary>
public static class RawRequests
{
    /// <summary>The antiforgery token of a page's form.</summary>
    public static string AntiforgeryToken(ForumClient.Page page) => page.AntiforgeryToken();

    /// <summary>POSTs exactly these fields, adding nothing (no token unless given).</summary>
    public static async Task<ForumClient.Page> PostFormAsync(ForumClient client, string url, params (string Name, string Value)[] fields)
    {
        using var content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));
        var response = await client.Http.PostAsync(new Uri(url, UriKind.Relative), content);
        return await ForumClient.Page.FromAsync(response);
    }

    /// <summary>The path a redirect points to, or null.</summary>
    public static string? LocationPath(ForumClient.Page page) =>
        page.Response.Headers.Location is { } location
            ? (location.IsAbsoluteUri ? location : new Uri(new Uri("http://localhost"), location)).AbsolutePath
            : null;
}
