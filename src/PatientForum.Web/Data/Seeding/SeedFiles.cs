using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PatientForum.Web.Data.Seeding;

/// <summary>A topic as listed in seed/topics.json; <paramref name="MembersOnly"/> makes every thread in it members-only;
/// <paramref name="AllowAliases"/> lets members post in it under an alias.</summary>
public sealed record SeedTopic(string Slug, string Name, string Description, int Order, bool MembersOnly = false, bool AllowAliases = true);

/// <summary>One part of the patient guide: a Markdown file with front matter.</summary>
public sealed record GuidePart(string Slug, string Title, string TopicSlug, int Order, string Markdown, string Hash);

/// <summary>Reads the seed folder. Editors change these files, never code.</summary>
public static class SeedFiles
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<SeedTopic> ReadTopics(string seedDirectory)
    {
        var path = Path.Combine(seedDirectory, "topics.json");
        var topics = JsonSerializer.Deserialize<List<SeedTopic>>(File.ReadAllText(path), s_json);
        return topics ?? throw new InvalidDataException($"{path} holds no topics.");
    }

    public static IReadOnlyList<GuidePart> ReadGuide(string seedDirectory)
    {
        var folder = Path.Combine(seedDirectory, "guide");
        if (!Directory.Exists(folder))
        {
            return [];
        }
        return Directory.EnumerateFiles(folder, "*.md")
            .Select(path => ParseGuidePart(path, File.ReadAllText(path)))
            .OrderBy(p => p.Order)
            .ToList();
    }

    /// <summary>Parses a file of the form "---\nkey: value\n---\n\nMarkdown".</summary>
    public static GuidePart ParseGuidePart(string path, string content)
    {
        var text = content.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: a guide file must start with a '---' front matter block.");
        }
        var end = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new InvalidDataException($"{path}: the front matter block is not closed with '---'.");
        }

        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in text[4..end].Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new InvalidDataException($"{path}: '{line}' is not a 'key: value' line.");
            }
            fields[line[..colon].Trim()] = Unquote(line[(colon + 1)..].Trim());
        }

        string Field(string key) => fields.TryGetValue(key, out var value) && value.Length > 0
            ? value
            : throw new InvalidDataException($"{path}: the front matter needs '{key}'.");

        if (!int.TryParse(Field("order"), out var order))
        {
            throw new InvalidDataException($"{path}: 'order' must be a whole number.");
        }
        var markdown = text[(end + 5)..].Trim();
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        return new GuidePart(Field("slug"), Field("title"), Field("topic"), order, markdown, hash);
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;
}
