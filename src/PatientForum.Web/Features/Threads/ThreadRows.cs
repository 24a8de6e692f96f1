namespace PatientForum.Web.Features.Threads;

/// <summary>How a page asks Features/Shared/_ThreadRow to show its rows.</summary>
public static class ThreadRows
{
    /// <summary>View data set (to true) by the home page's latest list: rows name their topic, under a third-level heading.</summary>
    public const string LatestKey = "ThreadRowsInLatest";
}
