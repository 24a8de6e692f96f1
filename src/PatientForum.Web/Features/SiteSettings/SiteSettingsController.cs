using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;

namespace PatientForum.Web.Features.SiteSettings;

/// <summary>
/// Admins change the settings a community manager needs without a redeploy. Saved settings apply at once on this
/// instance and within moments on the others; the configuration files stay the defaults.
/// </summary>
[Authorize(Policy = ForumPolicies.Admin)]
[Route("admin/settings")]
public sealed class SiteSettingsController(SiteSettingsStore store, SettingValues values, UserManager<ForumUser> users) : Controller
{
    [HttpGet("")]
    public IActionResult Index(string? saved) =>
        View(Page(_ => null, new Dictionary<string, string>(), saved is null ? null : "Settings saved. They apply on every instance at once."));

    /// <summary>Saves what the form changed, or (with <paramref name="reset"/>) puts one setting back to its default.</summary>
    [HttpPost("")]
    public async Task<IActionResult> Save(string? reset, CancellationToken cancellationToken)
    {
        var changes = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var typed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (reset is not null)
        {
            if (SiteSettingCatalog.Find(reset) is not { } setting)
            {
                return BadRequest();
            }
            changes[setting.Key] = null;
        }
        else
        {
            // A field the form did not send is left as it is (a form of another version, a script sending one field).
            foreach (var setting in SiteSettingCatalog.All.Where(s => Request.Form.ContainsKey(s.FieldName)))
            {
                var value = Normalized(setting, Request.Form[setting.FieldName].ToString());
                typed[setting.Key] = value;
                if (value != values.Current(setting))
                {
                    changes[setting.Key] = value;
                }
            }
        }
        var result = await store.SaveAsync(users.GetUserId(User)!, changes, cancellationToken);
        if (!result.Saved)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Index", Page(key => result.Errors.GetValueOrDefault(key), typed, null));
        }
        return LocalRedirect(ForumUrls.AdminSettings + "?saved=1");
    }

    private SiteSettingsPage Page(Func<string, string?> error, IReadOnlyDictionary<string, string> typed, string? message) =>
        new(SiteSettingCatalog.All.GroupBy(s => s.Group)
            .Select(g => new SettingGroup(g.Key, g.Select(s => new SettingField(
                s, typed.GetValueOrDefault(s.Key) ?? values.Current(s), values.Default(s), values.IsSaved(s), error(s.Key))).ToList()))
            .ToList(), message);

    /// <summary>The typed value as it is stored: lines trimmed and without blanks, one-line values trimmed.</summary>
    private static string Normalized(SiteSettingDefinition setting, string value) => setting.Kind switch
    {
        SettingKind.Lines => string.Join('\n', SiteSettingCatalog.Lines(value.Replace("\r", "", StringComparison.Ordinal))),
        SettingKind.LongText => value.Replace("\r\n", "\n", StringComparison.Ordinal).Trim(),
        _ => value.Trim(),
    };
}
