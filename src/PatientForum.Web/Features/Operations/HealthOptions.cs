using System.ComponentModel.DataAnnotations;

namespace PatientForum.Web.Features.Operations;

/// <summary>The <c>Forum:Health</c> section: what the readiness check (<c>/healthz/ready</c>) holds against the forum.</summary>
public sealed class HealthOptions
{
    public const string SectionName = "Forum:Health";

    /// <summary>
    /// Ready is unhealthy once the oldest mail still waiting in the outbox has waited longer than this: the mail
    /// server is refusing or unreachable, and account and moderator mail is not going out. 0 leaves the outbox out of
    /// the readiness check.
    /// </summary>
    [Range(0, 10_080, ErrorMessage = "Forum:Health:OutboxMaxAgeMinutes must be between 0 (not checked) and 10080 (a week).")]
    public int OutboxMaxAgeMinutes { get; set; } = 30;
}
