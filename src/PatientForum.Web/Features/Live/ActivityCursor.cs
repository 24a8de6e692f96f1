using System.Globalization;

namespace PatientForum.Web.Features.Live;

/// <summary>
/// Where a topic page's catch-up stands: after the thread with this last activity and id, in (last activity, id) order.
/// The page holds it as an opaque token, so that neither JavaScript's numbers nor its dates round the time.
/// </summary>
public readonly record struct ActivityCursor(DateTime At, int ThreadId)
{
    public string ToToken() => string.Create(CultureInfo.InvariantCulture, $"{At.Ticks}.{ThreadId}");

    public static bool TryParse(string? token, out ActivityCursor cursor)
    {
        cursor = default;
        var dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (dot < 0
            || !long.TryParse(token.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !int.TryParse(token.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var threadId)
            || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }
        cursor = new ActivityCursor(new DateTime(ticks, DateTimeKind.Utc), threadId);
        return true;
    }
}
