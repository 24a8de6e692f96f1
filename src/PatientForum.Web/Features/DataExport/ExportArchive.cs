using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using PatientForum.Web.Features.DataExport.Sections;
using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Web.Features.DataExport;

/// <summary>
/// Writes one member's export: a ZIP with a JSON file per <see cref="IExportSection"/> and an index.html that shows
/// the same rows for reading. Each row is read once and written to both; the page is built in a temporary file beside
/// the ZIP (deleted when closed) because a ZIP takes one entry at a time.
/// </summary>
public sealed class ExportArchive(IEnumerable<IExportSection> sections, IOptions<ForumOptions> forum, TimeProvider clock)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Writes the ZIP to <paramref name="path"/>, replacing nothing half-made: it appears whole or not at all.</summary>
    public async Task<long> WriteAsync(string userId, string path, CancellationToken cancellationToken)
    {
        var subject = ExportSubject.For(userId, forum.Value);
        var part = path + ".part";
        try
        {
            await using (var file = new FileStream(part, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                using var zip = new ZipArchive(file, ZipArchiveMode.Create);
                await using var index = new ExportIndexWriter(path + ".html.part", clock.GetUtcNow().UtcDateTime, [.. sections]);
                foreach (var section in sections)
                {
                    await WriteSectionAsync(zip, section, subject, index, cancellationToken);
                }
                var page = zip.CreateEntry("index.html", CompressionLevel.Optimal);
                await using var entry = page.Open();
                await index.CopyToAsync(entry, cancellationToken);
            }
            File.Move(part, path, overwrite: true);
            return new FileInfo(path).Length;
        }
        finally
        {
            File.Delete(part);
        }
    }

    private static async Task WriteSectionAsync(ZipArchive zip, IExportSection section, ExportSubject subject, ExportIndexWriter index, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(section.FileName, CompressionLevel.Optimal);
        await using var stream = entry.Open();
        await using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        index.BeginSection(section);
        if (!section.IsSingle)
        {
            json.WriteStartArray();
        }
        await foreach (var row in section.RowsAsync(subject, cancellationToken))
        {
            var element = JsonSerializer.SerializeToElement(row, row.GetType(), s_json);
            element.WriteTo(json);
            index.Row(element);
            if (json.BytesPending > 32 * 1024)
            {
                await json.FlushAsync(cancellationToken);
            }
        }
        if (!section.IsSingle)
        {
            json.WriteEndArray();
        }
        await json.FlushAsync(cancellationToken);
        index.EndSection();
    }
}
