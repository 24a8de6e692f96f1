using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PatientForum.Tests.Features.Contact;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Features.DataExport;

namespace PatientForum.Tests.Features.DataExport;

/// <summary>Asks for exports through the page, waits for the worker and the mail, and opens the ZIP that comes back.</summary>
public static partial class Exporting
{
    public const string ReadySubject = "PatientForum data is ready";

    /// <summary>Presses "Prepare my export" on the member's export page.</summary>
    public static async Task<ForumClient.Page> PrepareAsync(Member member)
    {
        var page = await member.Client.GetOkAsync("/account/export");
        return await member.Client.SubmitAsync(page, "form[action='/account/export']", new Dictionary<string, string?>());
    }

    /// <summary>Completes once the export worker has made every queued export and the mail worker has sent what that queued.</summary>
    public static async Task SettledAsync(ContactForum forum)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await forum.Services.GetRequiredService<DataExportSignal>().WhenIdleAsync(timeout.Token);
        await forum.MailIdleAsync();
    }

    /// <summary>The download link's path in the newest "ready" mail to <paramref name="email"/>, checked to be on Forum:PublicUrl.</summary>
    public static string DownloadPath(TestSmtpServer smtp, string email)
    {
        var mail = smtp.To(email).Last(m => (m.Subject ?? "").Contains(ReadySubject, StringComparison.Ordinal));
        var link = DownloadLink().Match(mail.TextBody ?? "");
        Assert.True(link.Success, "The mail has no download link: " + mail.TextBody);
        return link.Groups[1].Value;
    }

    /// <summary>The files of a downloaded export, by name, as text.</summary>
    public static async Task<Dictionary<string, string>> FilesAsync(HttpResponseMessage response)
    {
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            files[entry.FullName] = await reader.ReadToEndAsync();
        }
        return files;
    }

    public static JsonElement Json(Dictionary<string, string> files, string name) => JsonDocument.Parse(files[name]).RootElement.Clone();

    public static string Text(JsonElement element, string property) => element.GetProperty(property).GetString()!;

    [GeneratedRegex(@"http://localhost:5000(/account/export/[0-9a-f-]{36}/download)")]
    private static partial Regex DownloadLink();
}
