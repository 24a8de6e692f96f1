namespace PatientForum.Web.Features.Posting;

/// <summary>
/// A saved draft, as a composer shows it: the note above the form ("Draft restored" or, right after the member saved it
/// without script, "Draft saved") with the time, and where its Discard button posts.
/// </summary>
public sealed record DraftNote(string Lead, DateTime SavedAt, string DiscardUrl);

/// <summary>A composer's draft controls: where the draft saves and, when one is kept, its note.</summary>
public sealed record DraftControls(string SaveUrl, DraftNote? Note);

/// <summary>What a draft save answers a script: when it was saved, or nothing when the composer was empty and the draft removed.</summary>
public sealed record DraftSaved(DateTime? SavedAt, string? SavedAtText);

/// <summary>What a refused draft save answers a script: the reason, in words for the member.</summary>
public sealed record DraftRefused(string Reason);

/// <summary>Where the draft endpoints are; the composers' forms and the script post to them.</summary>
public static class DraftUrls
{
    public static string Reply(int threadId) => $"/drafts/thread/{threadId}";

    public static string NewThread(string topicSlug) => $"/drafts/topic/{Uri.EscapeDataString(topicSlug)}";

    public static string Discard(string saveUrl) => saveUrl + "/discard";
}
