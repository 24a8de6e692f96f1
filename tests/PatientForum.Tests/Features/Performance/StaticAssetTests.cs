using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Performance;

/// <summary>
/// The stylesheet and scripts as a browser gets them when the app runs from the project folder: the layout links
/// fingerprinted URLs, and those come back compressed (a body that decompresses to the file itself) and cacheable
/// for a year.
/// </summary>
public sealed partial class StaticAssetTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    [Theory]
    [InlineData("br", "/css/site.css")]
    [InlineData("gzip", "/css/site.css")]
    [InlineData("br", "/js/site.js")]
    [InlineData("gzip", "/js/site.js")]
    public async Task FingerprintedAsset_ComesCompressedAndCachedForAYear(string encoding, string file)
    {
        using var http = factory.CreateClient();
        var home = await http.GetStringAsync(new Uri("/", UriKind.Relative));
        var url = FingerprintedUrl(home, file);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        using var response = await http.SendAsync(request);

        response.EnsureSuccessStatusCode();
        Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        var expected = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.WebProject, "wwwroot", file.TrimStart('/')));
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await DecompressAsync(encoding, await response.Content.ReadAsStreamAsync()));
    }

    [Theory]
    [InlineData("/css/site.css")]
    [InlineData("/js/live-connection.js")]
    public async Task AssetWithoutFingerprint_IsServedPlainAndRevalidatedEachTime(string path)
    {
        using var http = factory.CreateClient();

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));

        response.EnsureSuccessStatusCode();
        Assert.Empty(response.Content.Headers.ContentEncoding);
        // A module imported by a fingerprinted script has no fingerprint of its own: it must never be served stale.
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    private static string FingerprintedUrl(string html, string file)
    {
        var match = Regex.Match(html, "(?:href|src)=\"(" + Regex.Escape(file) + "\\?v=[A-Za-z0-9_-]{20,})\"", RegexOptions.None, TimeSpan.FromSeconds(1));
        Assert.True(match.Success, $"The layout links no fingerprinted {file}.");
        return match.Groups[1].Value;
    }

    private static async Task<byte[]> DecompressAsync(string encoding, Stream body)
    {
        await using Stream decompressing = encoding == "br"
            ? new BrotliStream(body, CompressionMode.Decompress)
            : new GZipStream(body, CompressionMode.Decompress);
        using var copy = new MemoryStream();
        await decompressing.CopyToAsync(copy);
        return copy.ToArray();
    }
}
