using System.ComponentModel.DataAnnotations;

namespace PatientForum.Web.Infrastructure.Options;

/// <summary>The <c>Forum</c> section: where the forum keeps its files, how pages are sized, and the Redis that several instances share.</summary>
public sealed class ForumOptions
{
    public const string SectionName = "Forum";

    /// <summary>
    /// Folder for the SQLite database and the mail pickup folder. A relative path is taken from the
    /// app's content root (src/PatientForum.Web when started with <c>dotnet run</c>).
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Forum:DataDirectory must name a folder.")]
    public string DataDirectory { get; set; } = "App_Data";

    /// <summary>Folder holding topics.json and guide/*.md. Relative paths are taken from the app's base directory.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Forum:SeedDirectory must name a folder.")]
    public string SeedDirectory { get; set; } = "seed";

    /// <summary>The forum's address as members reach it, for links in mail sent outside a request (moderator summaries).</summary>
    [Url(ErrorMessage = "Forum:PublicUrl must be an absolute http or https address, e.g. https://forum.example.org.")]
    public string PublicUrl { get; set; } = "http://localhost:5000";

    /// <summary>The forum's name: every page's title and header, feeds and link previews. Admins may change it at /admin/settings.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Forum:Name must not be empty.")]
    [MaxLength(60, ErrorMessage = "Forum:Name must be at most 60 characters.")]
    public string Name { get; set; } = "PatientForum";

    /// <summary>What search engines show under the forum's name for its home page.</summary>
    [MaxLength(300, ErrorMessage = "Forum:Description must be at most 300 characters.")]
    public string Description { get; set; } = "Patients with chronic muscle and joint pain share their experience of injections, biologics, surgery and rehab.";

    [Range(5, 200, ErrorMessage = "Forum:ThreadsPerPage must be between 5 and 200.")]
    public int ThreadsPerPage { get; set; } = 25;

    [Range(5, 200, ErrorMessage = "Forum:PostsPerPage must be between 5 and 200.")]
    public int PostsPerPage { get; set; } = 20;

    /// <summary>
    /// A StackExchange.Redis connection string (e.g. <c>127.0.0.1:6379</c>). Set it when several instances serve
    /// the forum: live updates, the visitors' page cache, presence counts and rate limits then go through Redis.
    /// Empty (the default): all of them stay in this process's memory and no Redis is needed.
    /// </summary>
    [MaxLength(2000, ErrorMessage = "Forum:Redis must be a Redis connection string of at most 2000 characters.")]
    public string Redis { get; set; } = "";

    /// <summary>
    /// Starts every Redis key and live-update channel name, so several forums (or test runs) can share one Redis.
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Forum:RedisPrefix must not be empty.")]
    [RegularExpression("^[A-Za-z0-9_.-]{1,64}$", ErrorMessage = "Forum:RedisPrefix must be 1 to 64 letters, digits, '_', '.' or '-'.")]
    public string RedisPrefix { get; set; } = "patientforum";

    /// <summary>
    /// Serve visitors' home, topic, thread and guide pages from the page cache (the default). Off: every request
    /// renders from the database, which is what the benchmark's cache-miss figures measure.
    /// </summary>
    public bool PageCacheEnabled { get; set; } = true;
}
