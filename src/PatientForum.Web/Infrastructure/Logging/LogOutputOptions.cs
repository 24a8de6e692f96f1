namespace PatientForum.Web.Infrastructure.Logging;

/// <summary>The <c>Forum:Logging</c> section: how the console log is written.</summary>
public sealed class LogOutputOptions
{
    public const string SectionName = "Forum:Logging";

    /// <summary>
    /// Write the console log as one JSON object a line (timestamp, level, category, event id, message and its
    /// values), for a log collector to read. The same lines are written either way, so the privacy rules hold.
    /// </summary>
    public bool Json { get; set; }
}
