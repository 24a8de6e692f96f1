namespace PatientForum.Tests.Features.Security;

/// <summary>
/// What a members-only thread is known by, which no public page may show to those who may not read it.
/// <see cref="SearchWord"/> stands next to the phrase in its text, so a search for it (which the search page repeats in
/// its box) would bring the phrase up in a snippet.
/// </summary>
public sealed record LeakSecret(
    string Title, string Phrase, string AuthorName, string AuthorId, string ThreadPath, int ThreadId, int OpeningPostId, int ReplyId,
    string ReplierName, string TopicSlug, string SearchWord)
{
    /// <summary>
    /// The things a page must not hold, by name: the replier's name too, which a thread list's "last reply by" shows
    /// (the replier posted nowhere else).
    /// </summary>
    public IReadOnlyDictionary<string, string> Markers => new Dictionary<string, string>
    {
        ["title"] = Title, ["phrase"] = Phrase, ["author's name"] = AuthorName, ["author's id"] = AuthorId, ["replier's name"] = ReplierName,
    };
}

/// <summary>
/// One public GET endpoint of the leak matrix: the requests made of it (with the secret's ids and names filled in),
/// what of the secret a confirmed member must find there (<see cref="Shows"/>; empty where the page lists no threads),
/// and what the request itself names (<see cref="Echoes"/>, e.g. the author's name in a profile's address), which the
/// page may repeat without leaking anything.
/// </summary>
public sealed record LeakRow(string Pattern, string[] Paths, string[]? Shows = null, string[]? Echoes = null)
{
    public IEnumerable<string> PathsFor(LeakSecret secret) => Paths.Select(path => path
        .Replace("{path}", secret.ThreadPath, StringComparison.Ordinal)
        .Replace("{thread}", $"{secret.ThreadId}", StringComparison.Ordinal)
        .Replace("{post}", $"{secret.OpeningPostId}", StringComparison.Ordinal)
        .Replace("{reply}", $"{secret.ReplyId}", StringComparison.Ordinal)
        .Replace("{topic}", secret.TopicSlug, StringComparison.Ordinal)
        .Replace("{author}", Uri.EscapeDataString(secret.AuthorName), StringComparison.Ordinal)
        .Replace("{replier}", Uri.EscapeDataString(secret.ReplierName), StringComparison.Ordinal)
        .Replace("{word}", Uri.EscapeDataString(secret.SearchWord), StringComparison.Ordinal)
        .Replace("{title}", Uri.EscapeDataString(secret.Title.Split(' ')[^1]), StringComparison.Ordinal));
}

/// <summary>
/// Every GET endpoint anyone may open without signing in (no authorization on it), with the requests that would show a
/// members-only thread if anything did. The leak matrix fails when the route table has such an endpoint without a row
/// here, so a new public page cannot be added without being checked.
/// </summary>
public static class MembersOnlyLeakTable
{
    private static readonly string[] s_title = ["title"];
    private static readonly string[] s_titleAndPhrase = ["title", "phrase"];
    private static readonly string[] s_phrase = ["phrase"];
    private static readonly string[] s_names = ["author's name", "replier's name"];

    public static readonly LeakRow[] Rows =
    [
        // The home page's latest stories, of every topic and of the secret's, name each thread's last replier.
        new("", ["/", "/?page=1", "/?topic={topic}"], Shows: s_title),
        new("t/{slug}", ["/t/{topic}", "/t/{topic}?page=1"], Shows: s_title),
        new("threads/{id:int}/{slug?}", ["{path}", "/threads/{thread}", "{path}?page=1", "/threads/{thread}/wrong-slug"], Shows: s_titleAndPhrase),
        new("posts/{id:int}", ["/posts/{post}", "/posts/{reply}"], Shows: s_titleAndPhrase),
        new("posts/{id:int}/history", ["/posts/{post}/history", "/posts/{reply}/history"], Shows: s_phrase),
        new("search", ["/search?q={word}", "/search?q={title}", "/search?q={word}&sort=Newest", "/search?q={word}&topic={topic}"], Shows: s_titleAndPhrase),
        new("u/{name}", ["/u/{author}", "/u/{replier}"], Shows: s_title, Echoes: s_names),
        // An alias's page; the alias matrix (AliasLeakTests) opens the secret's own alias page as well.
        new("a/{number:int}", ["/a/1000", "/a/99999999"]),
        new("guide", ["/guide"]),
        new("treatments", ["/treatments"]),
        new("treatments/{slug}", ["/treatments/prp", "/treatments/prp?area=knee", "/treatments/other"]),
        new("treatments/{slug}.json", ["/treatments/prp.json", "/treatments/other.json?area=knee"]),
        new("treatments/{slug}.csv", ["/treatments/prp.csv", "/treatments/other.csv?area=knee"]),
        new("treatments/{slug}/stories", ["/treatments/prp/stories", "/treatments/other/stories?area=knee"]),
        // The style page draws made-up samples, never the database's content; outside Development only admins see it.
        new("styleguide", ["/styleguide"]),
        new("contact", ["/contact"]),
        new("contact/thanks/{reference}", ["/contact/thanks/PF-00000000"]),
        new("account/register", ["/account/register"]),
        new("account/confirm", ["/account/confirm"]),
        new("account/resend-confirmation", ["/account/resend-confirmation"]),
        new("account/login", ["/account/login", "/account/login?returnUrl={path}"]),
        new("account/access-denied", ["/account/access-denied"]),
        new("account/forgot-password", ["/account/forgot-password"]),
        new("account/reset-password", ["/account/reset-password"]),
        new("account/login/two-factor", ["/account/login/two-factor"]),
        new("account/login/recovery-code", ["/account/login/recovery-code"]),
        new("account/email/confirm", ["/account/email/confirm"]),
        new("notifications/unsubscribe", ["/notifications/unsubscribe"]),
        // Without a code the error page is the 500 page, on purpose; the codes it is sent to are what visitors see.
        new("error/{code:int?}", ["/error/404", "/error/401", "/error/403"]),

        // Operations: the health answers and the metrics (off in test forums, so a 404) name no content.
        new("/healthz", ["/healthz"]),
        new("/healthz/ready", ["/healthz/ready"]),
        new("/metrics", ["/metrics"]),

        // Feeds and sitemaps hold public content only, for members too, so none of them shows the thread to anyone.
        new(FeedsTable.Feed, ["/feed.rss", "/feed.atom"]),
        new($"t/{{slug}}/{FeedsTable.Feed}", ["/t/{topic}/feed.rss", "/t/{topic}/feed.atom"]),
        new($"threads/{{id:int}}/{FeedsTable.Feed}", ["/threads/{thread}/feed.rss", "/threads/{thread}/feed.atom"]),
        new($"u/{{name}}/{FeedsTable.Feed}", ["/u/{author}/feed.rss", "/u/{replier}/feed.atom"], Echoes: s_names),
        new($"treatments/{{slug}}/{FeedsTable.Feed}", ["/treatments/prp/feed.rss", "/treatments/other/feed.atom"]),
        new("robots.txt", ["/robots.txt"]),
        new("sitemap.xml", ["/sitemap.xml"]),
        new("sitemaps/pages.xml", ["/sitemaps/pages.xml"]),
        new("sitemaps/threads-{number:int}.xml", ["/sitemaps/threads-1.xml"]),
    ];
}
