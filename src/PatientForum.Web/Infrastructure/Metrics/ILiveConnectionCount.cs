namespace PatientForum.Web.Infrastructure.Metrics;

/// <summary>How many live connections this instance holds; the live-update feature provides it.</summary>
public interface ILiveConnectionCount
{
    int Count { get; }
}
