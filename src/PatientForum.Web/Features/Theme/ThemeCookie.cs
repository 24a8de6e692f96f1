using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Theme;

/// <summary>
/// The theme cookie. Script reads it (js/theme-init.js) and sets a class on &lt;html&gt; before the page paints; the
/// server never reads it to render a page, so the HTML, and the visitors' page cache, is one page for every theme.
/// </summary>
public static class ThemeCookie
{
    public const string Name = "pf_theme";

    /// <summary>Writes the choice (or, for the device's setting, removes the cookie). Not HttpOnly: script must read it.</summary>
    public static void Write(HttpContext http, ThemeChoice theme)
    {
        if (theme == ThemeChoice.System)
        {
            http.Response.Cookies.Delete(Name, new CookieOptions { Path = "/", Secure = http.Request.IsHttps, SameSite = SameSiteMode.Lax });
            return;
        }
        http.Response.Cookies.Append(Name, Value(theme), new CookieOptions
        {
            Path = "/",
            HttpOnly = false,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        });
    }

    /// <summary>The cookie's value and the class suffix the script uses: "light" or "dark".</summary>
    public static string Value(ThemeChoice theme) => theme == ThemeChoice.Dark ? "dark" : "light";
}
