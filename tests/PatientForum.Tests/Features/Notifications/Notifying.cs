using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Features.Notifications;

namespace PatientForum.Tests.Features.Notifications;

/// <summary>What a member sees of their notifications, read from the pages, and a wait for the fan-out worker.</summary>
public static class Notifying
{
    /// <summary>Completes once the notification worker has made the notifications of every post saved so far.</summary>
    public static async Task SettledAsync(ForumFactory factory)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await factory.Services.GetRequiredService<NotificationSignal>().WhenIdleAsync(timeout.Token);
    }

    /// <summary>The lines of the member's notifications page, newest first, as they read (who, what, where).</summary>
    public static async Task<IReadOnlyList<string>> EntriesAsync(Member member) =>
        (await member.Client.GetOkAsync("/notifications")).Document.QuerySelectorAll(".notification-list li .notification-line")
            .Select(line => string.Join(' ', line.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();

    /// <summary>The links that open the member's notifications, newest first.</summary>
    public static async Task<IReadOnlyList<string>> LinksAsync(Member member) =>
        (await member.Client.GetOkAsync("/notifications")).Document.QuerySelectorAll(".notification-list li a.notification-open")
            .Select(a => a.GetAttribute("href")!).ToList();

    /// <summary>The unread count the bell in the header shows (0 when it shows none).</summary>
    public static async Task<int> BellAsync(Member member)
    {
        var page = await member.Client.GetOkAsync("/contact");
        var count = page.Document.QuerySelector("[data-notification-count]") ?? throw new InvalidOperationException("No bell in the header.");
        var shown = int.Parse(count.TextContent.Trim(), CultureInfo.InvariantCulture);
        Assert.Equal(shown == 0, count.HasAttribute("hidden"));
        return shown;
    }

    public static string Unique(string text) => $"{text} {Guid.NewGuid():N}";
}
