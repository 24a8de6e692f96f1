using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PatientForum.Web.Features.DataExport.Sections;

namespace PatientForum.Web.Features.DataExport;

/// <summary>
/// index.html of an export: one self-contained page (no script, no link out but the members' own posts) that shows
/// every row field by field. Everything in it is text from the database, so every value is encoded with
/// <see cref="HtmlEncoder"/>; a post's HTML is shown as its source, never rendered.
/// </summary>
public sealed class ExportIndexWriter : IAsyncDisposable
{
    private const string Style =
        "body{font-family:system-ui,sans-serif;line-height:1.5;max-width:50rem;margin:1rem auto;padding:0 1rem;color:#1a1a1a}"
        + "dl{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.25rem 1rem;margin:0}dt{font-weight:600}dd{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}"
        + "ol.rows>li{border-top:1px solid #ccc;padding:.75rem 0}";

    private static readonly HtmlEncoder s_encoder = HtmlEncoder.Default;
    private readonly FileStream _file;
    private readonly StreamWriter _writer;
    private int _rows;
    private bool _single;

    public ExportIndexWriter(string path, DateTime madeAt, IReadOnlyList<IExportSection> sections)
    {
        _file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.DeleteOnClose);
        _writer = new StreamWriter(_file, new UTF8Encoding(false), 16 * 1024, leaveOpen: true);
        _writer.Write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        _writer.Write("<title>Your PatientForum data</title><style>" + Style + "</style></head><body><main><h1>Your PatientForum data</h1>");
        _writer.Write(string.Create(CultureInfo.InvariantCulture, $"<p>Made on {madeAt:d MMMM yyyy, HH:mm} UTC. Each part below is also in the JSON file it names, for other programs to read. Times are in UTC.</p>"));
        _writer.Write("<nav aria-label=\"Parts\"><ul>");
        foreach (var section in sections)
        {
            _writer.Write($"<li><a href=\"#{Anchor(section)}\">{Encode(section.Title)}</a></li>");
        }
        _writer.Write("</ul></nav>");
    }

    public void BeginSection(IExportSection section)
    {
        _rows = 0;
        _single = section.IsSingle;
        _writer.Write($"<section id=\"{Anchor(section)}\"><h2>{Encode(section.Title)}</h2><p>In {Encode(section.FileName)}.</p>");
        if (!_single)
        {
            _writer.Write("<ol class=\"rows\">");
        }
    }

    public void Row(JsonElement row)
    {
        _rows++;
        if (!_single)
        {
            _writer.Write("<li>");
        }
        Value(row);
        if (!_single)
        {
            _writer.Write("</li>");
        }
    }

    public void EndSection()
    {
        if (!_single)
        {
            _writer.Write("</ol>");
        }
        if (_rows == 0)
        {
            _writer.Write("<p>Nothing.</p>");
        }
        _writer.Write("</section>");
    }

    /// <summary>Closes the page and copies it into <paramref name="target"/>.</summary>
    public async Task CopyToAsync(Stream target, CancellationToken cancellationToken)
    {
        await _writer.WriteAsync("</main></body></html>");
        await _writer.FlushAsync(cancellationToken);
        _file.Position = 0;
        await _file.CopyToAsync(target, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        await _file.DisposeAsync();
    }

    private void Value(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                _writer.Write("<dl>");
                foreach (var property in value.EnumerateObject())
                {
                    _writer.Write($"<dt>{Encode(property.Name)}</dt><dd>");
                    Value(property.Value);
                    _writer.Write("</dd>");
                }
                _writer.Write("</dl>");
                break;
            case JsonValueKind.Array:
                _writer.Write(value.GetArrayLength() == 0 ? "none" : "<ol>");
                foreach (var item in value.EnumerateArray())
                {
                    _writer.Write("<li>");
                    Value(item);
                    _writer.Write("</li>");
                }
                _writer.Write(value.GetArrayLength() == 0 ? "" : "</ol>");
                break;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                _writer.Write("—");
                break;
            case JsonValueKind.String:
                _writer.Write(Encode(value.GetString()!));
                break;
            default:
                _writer.Write(Encode(value.GetRawText()));
                break;
        }
    }

    private static string Anchor(IExportSection section) => Encode(Path.GetFileNameWithoutExtension(section.FileName));

    private static string Encode(string text) => s_encoder.Encode(text);
}
