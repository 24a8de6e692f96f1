using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using PatientForum.Web.Infrastructure.Caching;

namespace PatientForum.Tests.Features.Architecture;

/// <summary>
/// The shape the code promises its readers: one folder per feature, features that depend on each other one way only,
/// Infrastructure that knows no feature, and cached pages that say which changes evict them.
/// </summary>
public sealed partial class FeatureFolderTests
{
    private static readonly string s_source = RepoPaths.WebProject;

    [Fact]
    public void Infrastructure_ImportsNoFeature()
    {
        var offenders = SourceFiles("Infrastructure")
            .SelectMany(file => Imports(file).Where(ns => ns.StartsWith("PatientForum.Web.Features", StringComparison.Ordinal))
                .Select(ns => $"{Relative(file)} imports {ns}"))
            .ToList();

        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    [Fact]
    public void Features_ImportEachOtherOneWayOnly()
    {
        var edges = SourceFiles("Features")
            .Select(file => (From: FeatureOf(file), Imports: Imports(file)))
            .Where(f => f.From is not null)
            .SelectMany(f => f.Imports.Select(FeatureOfNamespace).OfType<string>().Where(to => to != f.From).Select(to => (From: f.From!, To: to)))
            .ToHashSet();

        // A feature in a cycle reaches itself by following imports; direct pairs and longer loops alike.
        var cycles = edges.Select(edge => edge.From).Distinct().Order(StringComparer.Ordinal)
            .Where(feature => Reachable(feature, edges).Contains(feature))
            .ToList();

        Assert.True(cycles.Count == 0, "Features in an import cycle: " + string.Join(", ", cycles));
    }

    [Fact]
    public void Views_LiveInTheirFeatureFolderOrShared()
    {
        var misplaced = Directory.EnumerateFiles(s_source, "*.cshtml", SearchOption.AllDirectories)
            .Select(Relative)
            .Where(path => !path.StartsWith("bin/", StringComparison.Ordinal) && !path.StartsWith("obj/", StringComparison.Ordinal))
            .Where(path => !ViewPath().IsMatch(path))
            .ToList();

        Assert.True(misplaced.Count == 0, string.Join("\n", misplaced));
    }

    [Fact]
    public void EveryCachedPage_NamesTheTagThatEvictsIt()
    {
        var untagged = typeof(PageCache).Assembly.GetTypes()
            .Where(type => typeof(Controller).IsAssignableFrom(type))
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(action => action.GetCustomAttribute<OutputCacheAttribute>() is not null && action.GetCustomAttributes<PageCacheTagAttribute>().Any() is false)
            .Select(action => $"{action.DeclaringType!.Name}.{action.Name}")
            .ToList();

        Assert.True(untagged.Count == 0, "Cached without an eviction tag, so stale for the cache's lifetime: " + string.Join(", ", untagged));
    }

    private static HashSet<string> Reachable(string start, HashSet<(string From, string To)> edges)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var next = new Queue<string>([start]);
        while (next.TryDequeue(out var feature))
        {
            foreach (var edge in edges.Where(e => e.From == feature && seen.Add(e.To)))
            {
                next.Enqueue(edge.To);
            }
        }
        return seen;
    }

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(Path.Combine(s_source, folder), "*.cs", SearchOption.AllDirectories);

    private static IEnumerable<string> Imports(string file) =>
        File.ReadLines(file).Select(line => UsingLine().Match(line)).Where(m => m.Success).Select(m => m.Groups[1].Value);

    private static string? FeatureOf(string file)
    {
        var parts = Relative(file).Split('/');
        return parts is ["Features", var feature, _, ..] ? feature : null;
    }

    private static string? FeatureOfNamespace(string ns)
    {
        const string Prefix = "PatientForum.Web.Features.";
        return ns.StartsWith(Prefix, StringComparison.Ordinal) ? ns[Prefix.Length..].Split('.')[0] : null;
    }

    private static string Relative(string path) => Path.GetRelativePath(s_source, path).Replace('\\', '/');

    [GeneratedRegex(@"^using (PatientForum\.Web[\w.]*);")]
    private static partial Regex UsingLine();

    [GeneratedRegex(@"^Features/(_ViewImports|_ViewStart)\.cshtml$|^Features/Shared/[^/]+\.cshtml$|^Features/\w+/Views/\w+/[^/]+\.cshtml$")]
    private static partial Regex ViewPath();
}
