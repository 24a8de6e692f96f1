using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.SiteSettings;

/// <summary>The admins' settings page through its real form, and a signal for when an instance's options change.</summary>
public static class SiteSettingsForm
{
    public const string AutoHideThreshold = "Forum_Moderation_AutoHideThreshold";
    public const string ForumName = "Forum_Name";
    public const string ModeratorEmails = "Forum_Moderation_ModeratorEmails";

    /// <summary>Opens /admin/settings, changes <paramref name="fields"/> (the rest as the page shows them) and saves.</summary>
    public static async Task<ForumClient.Page> SaveAsync(Member admin, Dictionary<string, string?> fields) =>
        await admin.Client.SubmitAsync(await admin.Client.GetOkAsync("/admin/settings"), "form.settings-form", fields);

    /// <summary>Presses "Reset to default" beside the setting <paramref name="key"/>.</summary>
    public static async Task<ForumClient.Page> ResetAsync(Member admin, string key)
    {
        var page = await admin.Client.GetOkAsync("/admin/settings");
        Assert.NotNull(page.Document.QuerySelector($"button[form='reset-setting'][value='{key}']"));
        return await admin.Client.SubmitAsync(page, "form#reset-setting", new Dictionary<string, string?> { ["reset"] = key });
    }

    /// <summary>Completes once <paramref name="instance"/>'s options of type <typeparamref name="T"/> satisfy <paramref name="done"/>.</summary>
    public static Task WhenAsync<T>(ForumFactory instance, Func<T, bool> done)
    {
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var monitor = instance.Services.GetRequiredService<IOptionsMonitor<T>>();
        var subscription = monitor.OnChange(options =>
        {
            if (done(options))
            {
                changed.TrySetResult();
            }
        });
        _ = changed.Task.ContinueWith(_ => subscription?.Dispose(), TaskScheduler.Default);
        return changed.Task;
    }

    public static T Current<T>(ForumFactory instance) => instance.Services.GetRequiredService<IOptionsMonitor<T>>().CurrentValue;
}
