namespace PatientForum.TestSupport;

/// <summary>
/// The quote a thread page's Quote button puts in the reply form (wwwroot/js/quote.js), written out once for the tests
/// on both sides of it: the browser tests check the button writes exactly this, the integration tests that a reply
/// holding exactly this notifies the quoted member.
/// </summary>
public static class QuoteFormat
{
    public static string Of(string authorName, int postId, string quoted)
    {
        var lines = quoted.Replace("\r\n", "\n", StringComparison.Ordinal).Trim().Split('\n')
            .Select(line => line.Trim().Length == 0 ? ">" : "> " + line);
        return $"> **{authorName}** [wrote](/posts/{postId}):\n>\n{string.Join("\n", lines)}\n\n";
    }
}
