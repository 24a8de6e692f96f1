using System.ComponentModel.DataAnnotations;

namespace PatientForum.Web.Infrastructure.Security;

/// <summary>The <c>Forum:RateLimits</c> section. Defaults follow Discourse's; staff are exempt from the posting limits.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Forum:RateLimits";

    /// <summary>Turns the posting, reaction, sign-in, search and account-mail limits off (the contact page keeps its own limit).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A member may post one reply per this many seconds.</summary>
    [Range(1, 3600, ErrorMessage = "Forum:RateLimits:ReplySeconds must be between 1 and 3600.")]
    public int ReplySeconds { get; set; } = 5;

    /// <summary>A member may start one thread per this many seconds.</summary>
    [Range(1, 3600, ErrorMessage = "Forum:RateLimits:ThreadSeconds must be between 1 and 3600.")]
    public int ThreadSeconds { get; set; } = 15;

    /// <summary>Reactions a member may give or take back per minute (staff exempt).</summary>
    [Range(1, 1000, ErrorMessage = "Forum:RateLimits:ReactionsPerMinute must be between 1 and 1000.")]
    public int ReactionsPerMinute { get; set; } = 30;

    /// <summary>Sign-in attempts per minute from one IP address.</summary>
    [Range(1, 1000, ErrorMessage = "Forum:RateLimits:SignInsPerMinute must be between 1 and 1000.")]
    public int SignInsPerMinute { get; set; } = 6;

    /// <summary>Searches per minute from one IP address: search is open to everyone and costs the database more than a page read.</summary>
    [Range(1, 10000, ErrorMessage = "Forum:RateLimits:SearchesPerMinute must be between 1 and 10000.")]
    public int SearchesPerMinute { get; set; } = 30;

    /// <summary>
    /// Posts to the forms that send account mail (register, resend confirmation, forgot password) per hour from one
    /// IP address; more get 429 with Retry-After, whether or not the address has an account.
    /// </summary>
    [Range(1, 10000, ErrorMessage = "Forum:RateLimits:AccountMailsPerHourPerIp must be between 1 and 10000.")]
    public int AccountMailsPerHourPerIp { get; set; } = 20;

    /// <summary>
    /// Account mails (confirmation, password reset, "someone tried to register") one address may receive per hour;
    /// past it the forms answer as usual but send nothing.
    /// </summary>
    [Range(1, 100, ErrorMessage = "Forum:RateLimits:AccountMailsPerAddressPerHour must be between 1 and 100.")]
    public int AccountMailsPerAddressPerHour { get; set; } = 3;

    /// <summary>
    /// A member whose account is younger than this many hours is a new member, held to the limits below
    /// (Discourse's first day). 0 treats nobody as new.
    /// </summary>
    [Range(0, 720, ErrorMessage = "Forum:RateLimits:NewUserHours must be between 0 and 720.")]
    public int NewUserHours { get; set; } = 24;

    /// <summary>A new member may post (reply or start a thread) once per this many seconds.</summary>
    [Range(1, 3600, ErrorMessage = "Forum:RateLimits:NewUserReplySeconds must be between 1 and 3600.")]
    public int NewUserReplySeconds { get; set; } = 30;

    /// <summary>Replies a new member may post before their first <see cref="NewUserHours"/> are over.</summary>
    [Range(1, 10000, ErrorMessage = "Forum:RateLimits:NewUserRepliesPerDay must be between 1 and 10000.")]
    public int NewUserRepliesPerDay { get; set; } = 10;

    /// <summary>Threads a new member may start before their first <see cref="NewUserHours"/> are over.</summary>
    [Range(1, 10000, ErrorMessage = "Forum:RateLimits:NewUserThreadsPerDay must be between 1 and 10000.")]
    public int NewUserThreadsPerDay { get; set; } = 3;

    /// <summary>Links (images count: they are shown as links) a new member's post may hold (Discourse's newuser_max_links).</summary>
    [Range(0, 1000, ErrorMessage = "Forum:RateLimits:NewUserMaxLinks must be between 0 and 1000.")]
    public int NewUserMaxLinks { get; set; } = 2;
}
