namespace PatientForum.TestSupport;

/// <summary>
/// Secrets the tests plant where a member or visitor would put private things: post bodies, passwords,
/// email addresses, contact messages, and the reset and confirmation codes mailed to members. Each is
/// recorded in the run's log folder, and none may appear in any log line (see <see cref="TestRunLog"/>).
/// </summary>
public static class Canaries
{
    /// <summary>A new unique marker, recorded as a secret of the given kind.</summary>
    public static string New(string kind)
    {
        var marker = $"canary{Guid.NewGuid():N}";
        TestRunLog.Planted(kind, marker);
        return marker;
    }

    /// <summary>A unique email address whose local part is a planted marker.</summary>
    public static string Email(string hint = "member") => $"{hint}-{New("email address")}@example.org";

    /// <summary>A unique password (accepted by the forum's rules) that is a planted marker.</summary>
    public static string Password() => $"{New("password")} Knee!";

    /// <summary>Records a secret the forum made (a token from a mail) so the logs are checked for it too.</summary>
    public static void Plant(string kind, string secret)
    {
        if (!string.IsNullOrEmpty(secret))
        {
            TestRunLog.Planted(kind, secret);
        }
    }

    /// <summary>
    /// Records each line of a text a test sends as it is (a post body), and returns the text unchanged. Lines
    /// shorter than <see cref="MinimumTextLine"/> characters are left out: a word like "Thanks" may be in a log
    /// line by coincidence, a sentence may not.
    /// </summary>
    public static string PlantText(string kind, string text)
    {
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length >= MinimumTextLine)
            {
                Plant(kind, trimmed);
            }
        }
        return text;
    }

    private const int MinimumTextLine = 24;

    /// <summary>Records the value of one query parameter of a mailed link (a reset or confirmation code).</summary>
    public static void PlantQueryValue(string kind, string link, string parameter)
    {
        var query = new Uri(new Uri("http://localhost"), link).Query.TrimStart('?');
        foreach (var pair in query.Split('&'))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length == 2 && parts[0] == parameter)
            {
                var code = Uri.UnescapeDataString(parts[1]);
                Plant(kind, code);
                Plant(kind, DecodedToken(code));
            }
        }
    }

    /// <summary>The token inside a mailed code (the forum sends Identity's token Base64Url-encoded).</summary>
    private static string DecodedToken(string code)
    {
        var base64 = code.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        try
        {
            return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return "";
        }
    }
}
