using System.Globalization;
using AngleSharp.Dom;

namespace PatientForum.Tests.Features.Reading;

/// <summary>A row of a topic's thread list, as a visitor sees it.</summary>
internal sealed record TopicRow(string Title, string Href, bool IsPinned);

/// <summary>Reads the parts of the public pages that the reading tests compare.</summary>
internal static class ReadingPages
{
    public static IReadOnlyList<TopicRow> TopicRows(ForumClient.Page page) =>
        page.Document.QuerySelectorAll("li.thread-row")
            .Select(row =>
            {
                var link = row.QuerySelector("h2.thread-title a")!;
                return new TopicRow(link.TextContent.Trim(), link.GetAttribute("href")!, row.ClassList.Contains("pinned"));
            })
            .ToList();

    /// <summary>Every row of a topic, following the pager's "next" links.</summary>
    public static async Task<IReadOnlyList<TopicRow>> AllTopicRowsAsync(ForumClient client, string topicSlug)
    {
        var rows = new List<TopicRow>();
        string? url = $"/t/{topicSlug}";
        while (url is not null)
        {
            var page = await client.GetOkAsync(url);
            rows.AddRange(TopicRows(page));
            url = page.Document.QuerySelector("nav.pager a[rel='next']")?.GetAttribute("href");
        }
        return rows;
    }

    public static IReadOnlyList<string> PostBodies(ForumClient.Page page) => page.TextsOf("article.post .post-body");

    /// <summary>The page numbers the pager links to, in order.</summary>
    public static IReadOnlyList<int> PagerNumbers(ForumClient.Page page) =>
        page.Document.QuerySelectorAll("nav.pager a:not([rel])")
            .Select(a => int.Parse(a.TextContent.Replace("Page", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture))
            .ToList();

    /// <summary>
    /// Checks that a &lt;time&gt; carries a UTC instant in datetime and the same instant, written out, in its title;
    /// returns the instant.
    /// </summary>
    public static DateTime AssertAbsoluteTime(IElement? time)
    {
        Assert.NotNull(time);
        Assert.Equal("TIME", time.TagName, ignoreCase: true);
        var datetime = DateTime.Parse(time.GetAttribute("datetime")!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        Assert.Equal(DateTimeKind.Utc, datetime.Kind);
        var title = time.GetAttribute("title") ?? "";
        Assert.True(
            DateTime.TryParseExact(title, "d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var shown),
            $"The title '{title}' is not an absolute time.");
        Assert.Equal(new DateTime(datetime.Year, datetime.Month, datetime.Day, datetime.Hour, datetime.Minute, 0, DateTimeKind.Utc), shown);
        return datetime;
    }
}
