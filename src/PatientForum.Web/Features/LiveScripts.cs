namespace PatientForum.Web.Features;

/// <summary>A page that sets <c>ViewData[LiveScripts.Key]</c> gets the live-update scripts from the layout, even for visitors.</summary>
public static class LiveScripts
{
    public const string Key = "LiveScripts";
}
