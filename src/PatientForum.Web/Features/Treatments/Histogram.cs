using System.Globalization;

namespace PatientForum.Web.Features.Treatments;

/// <summary>
/// Counts per value (index = value), stored as "3,0,1,…" in a <see cref="Data.TreatmentAggregate"/>. Medians and
/// quartiles are read from the counts alone, so a page never touches individual records.
/// </summary>
public static class Histogram
{
    public static string Write(IEnumerable<int> counts) => string.Join(',', counts.Select(c => c.ToString(CultureInfo.InvariantCulture)));

    public static int[] Read(string stored, int length)
    {
        var counts = new int[length];
        var parts = stored.Length == 0 ? [] : stored.Split(',');
        for (var i = 0; i < Math.Min(parts.Length, length); i++)
        {
            counts[i] = int.Parse(parts[i], CultureInfo.InvariantCulture);
        }
        return counts;
    }

    /// <summary>
    /// The <paramref name="fraction"/> quantile of the values the counts stand for, interpolated between the two nearest
    /// ranks (the rank is (n − 1) × fraction, as spreadsheets' QUARTILE.INC); null when there are none.
    /// </summary>
    public static double? Quantile(IReadOnlyList<int> counts, double fraction)
    {
        var n = counts.Sum();
        if (n == 0)
        {
            return null;
        }
        var rank = (n - 1) * fraction;
        var lower = (int)Math.Floor(rank);
        var low = ValueAt(counts, lower);
        var high = ValueAt(counts, Math.Min(lower + 1, n - 1));
        return low + (rank - lower) * (high - low);
    }

    /// <summary>The value at 0-based position <paramref name="position"/> of the values in order.</summary>
    private static int ValueAt(IReadOnlyList<int> counts, int position)
    {
        var seen = 0;
        for (var value = 0; value < counts.Count; value++)
        {
            seen += counts[value];
            if (position < seen)
            {
                return value;
            }
        }
        return counts.Count - 1;
    }
}
