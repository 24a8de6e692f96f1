using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace PatientForum.Web.Infrastructure.Time;

/// <summary>
/// Renders <c>&lt;forum-time value="…"&gt;</c> as a &lt;time&gt; element: relative text ("3 hours ago")
/// with the absolute UTC time in its title and datetime attributes.
/// </summary>
[HtmlTargetElement("forum-time", TagStructure = TagStructure.WithoutEndTag)]
public sealed class TimeTagHelper(TimeProvider clock) : TagHelper
{
    public DateTime Value { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var utc = DateTime.SpecifyKind(Value, DateTimeKind.Utc);
        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("datetime", utc.ToString("O", CultureInfo.InvariantCulture));
        output.Attributes.SetAttribute("title", utc.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture));
        output.Content.SetContent(Relative(clock.GetUtcNow().UtcDateTime - utc, utc));
    }

    public static string Relative(TimeSpan age, DateTime utc) => age switch
    {
        { TotalSeconds: < 60 } => "just now",
        { TotalMinutes: < 2 } => "1 minute ago",
        { TotalHours: < 1 } => $"{(int)age.TotalMinutes} minutes ago",
        { TotalHours: < 2 } => "1 hour ago",
        { TotalDays: < 1 } => $"{(int)age.TotalHours} hours ago",
        { TotalDays: < 2 } => "yesterday",
        { TotalDays: < 30 } => $"{(int)age.TotalDays} days ago",
        _ => utc.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
    };
}
