using System.Globalization;

namespace PatientForum.Web.Features.Treatments;

/// <summary>
/// The follow-up points: each configured prompt (days after the treatment) is one, and a follow-up belongs to the point
/// nearest the time it was written. Only the month of treatment is asked, so times are counted from the middle of it.
/// </summary>
public static class FollowUpPoints
{
    private const double DaysPerMonth = 365.25 / 12;

    /// <summary>When a prompt is due: <paramref name="days"/> after the 15th of the treatment month, at noon UTC.</summary>
    public static DateTime DueAt(int year, int month, int days) => new DateTime(year, month, 15, 12, 0, 0, DateTimeKind.Utc).AddDays(days);

    /// <summary>Whole calendar months from the treatment month to <paramref name="now"/>'s month (0 in the same month).</summary>
    public static int MonthsSince(int year, int month, DateTime now) => Math.Max(0, (now.Year - year) * 12 + now.Month - month);

    /// <summary>The month index (year × 12 + month) that a record's treatment month must be at most for a prompt of <paramref name="days"/> to be due.</summary>
    public static int LatestDueMonth(int days, DateTime now)
    {
        // Due when the 15th, 12:00, of the month plus the days has passed: when the 1st, 00:00, is at or before now less the days, 14 days and 12 hours.
        var anchor = now.AddDays(-days - 14).AddHours(-12);
        return anchor.Year * 12 + anchor.Month;
    }

    /// <summary>The index of the point nearest <paramref name="monthsSince"/> (the earlier on a tie), or -1 when there are no points.</summary>
    public static int PointOf(int monthsSince, IReadOnlyList<int> days)
    {
        var best = -1;
        for (var i = 0; i < days.Count; i++)
        {
            if (best < 0 || Math.Abs(monthsSince - days[i] / DaysPerMonth) < Math.Abs(monthsSince - days[best] / DaysPerMonth))
            {
                best = i;
            }
        }
        return best;
    }

    /// <summary>A prompt's time in words: "6 weeks", "3 months", "12 months", "10 days".</summary>
    public static string Label(int days)
    {
        if (days < 14)
        {
            return Plural(days, "day");
        }
        if (days < 60 && days % 7 == 0)
        {
            return Plural(days / 7, "week");
        }
        return days < 60 ? Plural((int)Math.Round(days / 7.0), "week") : Plural((int)Math.Round(days / DaysPerMonth), "month");
    }

    private static string Plural(int count, string noun) => string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");
}
