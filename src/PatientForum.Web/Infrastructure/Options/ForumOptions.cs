using System.ComponentModel.DataAnnotations;

namespace PatientForum.Web.Infrastructure.Options;

/// <summary>The <c>Forum</c> section: where the forum keeps its files and how pages are sized.</summary>
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

    [Range(5, 200, ErrorMessage = "Forum:ThreadsPerPage must be between 5 and 200.")]
    public int ThreadsPerPage { get; set; } = 25;

    [Range(5, 200, ErrorMessage = "Forum:PostsPerPage must be between 5 and 200.")]
    public int PostsPerPage { get; set; } = 20;
}
