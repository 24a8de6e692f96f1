namespace PatientForum.Web.Features.Live;

/// <summary>
/// How many posts wait for a moderator, for the count that open moderation pages show live. Moderation provides it,
/// so Live pushes the count without depending on the moderation code.
/// </summary>
public interface IReviewQueueCount
{
    Task<int> CountAsync(CancellationToken cancellationToken);
}
