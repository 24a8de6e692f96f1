namespace PatientForum.Tests.Features.Seeding;

/// <summary>One seed/guide/*.md file, as its front matter describes it.</summary>
internal sealed record GuideSeedFile(string Path, string Title, string Topic, int Order, string Slug);

/// <summary>
/// Reads the guide's front matter independently of the app's own parser, so the tests compare the pages
/// with what an editor wrote rather than with what the app thinks it read.
/// </summary>
internal static class GuideSeedFiles
{
    /// <summary>The seed folder copied next to the test assembly (the app's default when started by the tests).</summary>
    public static string DefaultSeedDirectory => Path.Combine(AppContext.BaseDirectory, "seed");

    /// <summary>The guide files in <paramref name="seedDirectory"/>, in reading order.</summary>
    public static IReadOnlyList<GuideSeedFile> Read(string? seedDirectory = null) =>
        Directory.GetFiles(Path.Combine(seedDirectory ?? DefaultSeedDirectory, "guide"), "*.md")
            .Select(Parse)
            .OrderBy(f => f.Order)
            .ToList();

    /// <summary>Replaces everything after the front matter block, keeping the block as it is.</summary>
    public static void RewriteBody(string path, string body)
    {
        var lines = File.ReadAllLines(path);
        var close = Array.IndexOf(lines, "---", 1);
        Assert.True(lines[0] == "---" && close > 0, $"{path} has no front matter block.");
        File.WriteAllText(path, string.Join('\n', lines[..(close + 1)]) + "\n\n" + body + "\n");
    }

    private static GuideSeedFile Parse(string path)
    {
        var lines = File.ReadAllLines(path);
        var close = Array.IndexOf(lines, "---", 1);
        Assert.True(lines[0] == "---" && close > 0, $"{path} has no front matter block.");
        var fields = lines[1..close]
            .Where(line => line.Contains(':', StringComparison.Ordinal))
            .ToDictionary(line => line[..line.IndexOf(':', StringComparison.Ordinal)].Trim(), line => Unquote(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()));
        return new GuideSeedFile(
            path,
            fields["title"],
            fields["topic"],
            int.Parse(fields["order"], System.Globalization.CultureInfo.InvariantCulture),
            fields["slug"]);
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;
}
