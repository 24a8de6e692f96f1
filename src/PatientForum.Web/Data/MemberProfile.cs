namespace PatientForum.Web.Data;

/// <summary>
/// What a member chose to say about themself on their profile page (<c>/u/{name}</c>). A member without a row has
/// said nothing; each part has its own audience, and nobody sees it until the member opens it up.
/// </summary>
public class MemberProfile
{
    public required string UserId { get; set; }

    /// <summary>"About me" as the member wrote it (Markdown), kept for the settings form.</summary>
    public string AboutMarkdown { get; set; } = "";

    /// <summary>"About me" rendered and sanitized once, at save, like a post.</summary>
    public string AboutHtml { get; set; } = "";

    public ProfileVisibility AboutVisibility { get; set; }

    /// <summary>"My conditions and treatments": one per line, as the member wrote them.</summary>
    public string Conditions { get; set; } = "";

    public ProfileVisibility ConditionsVisibility { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>Who may read a part of a member's profile. The member always reads their own.</summary>
public enum ProfileVisibility
{
    /// <summary>The member alone; not even the moderators. The default: health details are shared only by choice.</summary>
    Nobody = 0,

    /// <summary>Signed-in members.</summary>
    Members = 1,

    /// <summary>Everyone, visitors included.</summary>
    Public = 2,
}
