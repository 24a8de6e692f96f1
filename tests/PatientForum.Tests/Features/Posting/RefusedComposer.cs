using System.Net;
using AngleSharp.Html.Dom;

namespace PatientForum.Tests.Features.Posting;

/// <summary>
/// What a member must see when a post of theirs is refused (too soon, thread locked or gone, suspended): the form
/// again, holding what they wrote, with the reason in words, under the status a non-browser caller reads.
/// </summary>
public static class RefusedComposer
{
    /// <summary>Asserts the page is the compose form with <paramref name="body"/> (and <paramref name="title"/>) in it and the reason shown.</summary>
    public static void Assert(ForumClient.Page page, HttpStatusCode status, string body, string reasonStart, string? title = null)
    {
        Xunit.Assert.Equal(status, page.Status);
        var form = page.Document.QuerySelector("form.composer");
        Xunit.Assert.NotNull(form);
        Xunit.Assert.Equal(body, (form.QuerySelector("textarea#Body") as IHtmlTextAreaElement)?.Value);
        if (title is not null)
        {
            Xunit.Assert.Equal(title, form.QuerySelector("input#Title")?.GetAttribute("value"));
        }
        Xunit.Assert.StartsWith(reasonStart, Reason(page), StringComparison.Ordinal);
    }

    /// <summary>The refusal's text, as the page shows it above the form.</summary>
    public static string Reason(ForumClient.Page page) => page.TextOf(".refusal p") ?? "";
}
