using System.Globalization;

namespace PatientForum.Web.Infrastructure.Time;

/// <summary>The W3C date-time form (ISO 8601 in UTC, to the second) that sitemaps, Atom and schema.org read.</summary>
public static class W3CDates
{
    /// <summary>A stored time, which the forum always keeps in UTC (a database may hand it back without its kind).</summary>
    public static string Of(DateTime utc) => Utc(utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A stored time as the UTC instant it is.</summary>
    public static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
