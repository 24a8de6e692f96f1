namespace PatientForum.Web.Features.Accounts;

/// <summary>
/// "Firefox on Linux" from a User-Agent header: the browser family and the system, nothing finer (no versions, no
/// device models), so the security activity list helps a member recognise their devices without fingerprinting them.
/// Reads a bounded prefix of the header with plain substring checks: no pattern can be made to run long.
/// </summary>
public static class ClientDescription
{
    private const int MaxHeaderRead = 512;

    public static string From(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "Unknown browser";
        }
        var ua = userAgent.Length > MaxHeaderRead ? userAgent[..MaxHeaderRead] : userAgent;
        var browser = Browser(ua);
        var system = System(ua);
        var text = system is null ? browser : $"{browser} on {system}";
        return text.Length > Data.SecurityEvent.ClientMaxLength ? text[..Data.SecurityEvent.ClientMaxLength] : text;
    }

    // Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
    private static string Browser(string ua) =>
        Has(ua, "Edg/") || Has(ua, "Edge/") ? "Edge"
        : Has(ua, "OPR/") || Has(ua, "Opera") ? "Opera"
        : Has(ua, "SamsungBrowser/") ? "Samsung Internet"
        : Has(ua, "Firefox/") || Has(ua, "FxiOS/") ? "Firefox"
        : Has(ua, "Chrome/") || Has(ua, "Chromium/") || Has(ua, "CriOS/") ? "Chrome"
        : Has(ua, "Safari/") && Has(ua, "Version/") ? "Safari"
        : Has(ua, "curl/") || Has(ua, "Wget/") ? "Command-line tool"
        : "Unknown browser";

    // Android and ChromeOS also say "Linux"; iPhones also say "Mac OS X".
    private static string? System(string ua) =>
        Has(ua, "Android") ? "Android"
        : Has(ua, "iPhone") || Has(ua, "iPad") || Has(ua, "iPod") ? "iOS"
        : Has(ua, "CrOS") ? "ChromeOS"
        : Has(ua, "Windows") ? "Windows"
        : Has(ua, "Mac OS X") || Has(ua, "Macintosh") ? "macOS"
        : Has(ua, "Linux") || Has(ua, "X11") ? "Linux"
        : null;

    private static bool Has(string ua, string part) => ua.Contains(part, StringComparison.OrdinalIgnoreCase);
}
