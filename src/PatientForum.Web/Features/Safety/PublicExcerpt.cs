using System.Text;
using PatientForum.Web.Features.ContentWarnings;
using PatientForum.Web.Infrastructure.Html;

namespace PatientForum.Web.Features.Safety;

/// <summary>
/// The short plain-text excerpt of a post that leaves the forum for other sites: search engines' snippets and link
/// previews (a thread's meta description and OpenGraph tags) and feed readers. The post itself is public, but a copy
/// elsewhere outlives an edit or a moderator's hide, so what goes out is kept small and anything the personal
/// information check finds (a phone number, an address, a date of birth) is left out, as "[…]". A post behind a content
/// warning is never excerpted (<see cref="PostExcerpts"/>): its warning stands in its place.
/// </summary>
public sealed class PublicExcerpt(PersonalInformationDetector detector, ContentWarningCatalog warnings)
{
    /// <summary>Characters (as readers count them) of an excerpt.</summary>
    public const int Length = 200;

    /// <summary>What stands where a finding was.</summary>
    public const string Redacted = "[…]";

    /// <summary>The excerpt of a post's stored HTML, or its warning when it carries <paramref name="contentWarnings"/>.</summary>
    public string Of(string html, string? contentWarnings) => PostExcerpts.ExcerptOr(warnings, contentWarnings, () => Of(html));

    /// <summary>
    /// The excerpt of a post's stored HTML. The check reads a little more than the excerpt keeps, so a number cut in two
    /// at the end is still recognised (and removed) before the cut.
    /// </summary>
    public string Of(string html)
    {
        var text = PlainText.Cut(PlainText.Of(html), 3 * Length);
        var findings = detector.Find(text);
        if (findings.Count == 0)
        {
            return PlainText.Cut(text, Length);
        }
        var kept = new StringBuilder(text.Length);
        var at = 0;
        foreach (var finding in findings)
        {
            kept.Append(text, at, finding.Start - at).Append(Redacted);
            at = finding.End;
        }
        kept.Append(text, at, text.Length - at);
        return PlainText.Cut(kept.ToString(), Length);
    }
}
