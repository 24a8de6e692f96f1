using System.ComponentModel.DataAnnotations;

namespace PatientForum.Web.Infrastructure.Options;

/// <summary>The <c>Forum:RateLimits</c> section. Defaults follow Discourse's; staff are exempt from the posting limits.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Forum:RateLimits";

    /// <summary>Turns the posting and sign-in limits off (the contact page keeps its own limit).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A member may post one reply per this many seconds.</summary>
    [Range(1, 3600, ErrorMessage = "Forum:RateLimits:ReplySeconds must be between 1 and 3600.")]
    public int ReplySeconds { get; set; } = 5;

    /// <summary>A member may start one thread per this many seconds.</summary>
    [Range(1, 3600, ErrorMessage = "Forum:RateLimits:ThreadSeconds must be between 1 and 3600.")]
    public int ThreadSeconds { get; set; } = 15;

    /// <summary>Sign-in attempts per minute from one IP address.</summary>
    [Range(1, 1000, ErrorMessage = "Forum:RateLimits:SignInsPerMinute must be between 1 and 1000.")]
    public int SignInsPerMinute { get; set; } = 6;
}
