namespace PatientForum.Web.Data;

/// <summary>
/// A member's pseudonym in one topic ("Member 4821"). Posts under it are written by <see cref="AliasUserId"/>, an
/// account of its own that cannot sign in, so every page, feed and push that names a post's author names the alias
/// without knowing it is one. Only this row links the alias to <see cref="OwnerId"/>; nothing public reads it.
/// </summary>
public class MemberAlias
{
    public int Id { get; set; }

    /// <summary>The number in the alias's name and address (/a/{number}): random, not derived from any id, unique.</summary>
    public int Number { get; set; }

    public int TopicId { get; set; }

    /// <summary>The member behind the alias; null once they deleted their account, which leaves the alias unlinkable for ever.</summary>
    public string? OwnerId { get; set; }

    /// <summary>The account the alias's posts are written by.</summary>
    public required string AliasUserId { get; set; }
    public ForumUser? AliasUser { get; set; }

    public DateTime CreatedAt { get; set; }
}
