using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Treatments;

/// <summary>The treatment pages' addresses, which are public contracts.</summary>
public static class TreatmentUrls
{
    public const string Index = "/treatments";

    public static string Treatment(string slug, BodyArea? area = null) => $"/treatments/{Uri.EscapeDataString(slug)}{AreaQuery(area)}";

    public static string Stories(string slug, BodyArea? area = null) => $"/treatments/{Uri.EscapeDataString(slug)}/stories{AreaQuery(area)}";

    public static string Json(string slug, BodyArea? area = null) => $"/treatments/{Uri.EscapeDataString(slug)}.json{AreaQuery(area)}";

    public static string Csv(string slug, BodyArea? area = null) => $"/treatments/{Uri.EscapeDataString(slug)}.csv{AreaQuery(area)}";

    /// <summary>The RSS or Atom feed of the treatment's newest public stories.</summary>
    public static string Feed(string slug, FeedFormat format) => $"/treatments/{Uri.EscapeDataString(slug)}/feed.{format.Extension()}";

    public static string Edit(int threadId) => $"/threads/{threadId}/treatment";

    /// <summary>The "How is it now?" form; follow-up prompts link to it.</summary>
    public static string FollowUp(int threadId) => ForumUrls.FollowUp(threadId);

    public static string FollowUpPrompts(int threadId) => $"/threads/{threadId}/follow-up/prompts";

    private static string AreaQuery(BodyArea? area) => area is { } a ? "?area=" + TreatmentLabels.Slug(a) : "";
}
