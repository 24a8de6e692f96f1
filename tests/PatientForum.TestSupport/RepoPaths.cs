namespace PatientForum.TestSupport;

/// <summary>Finds the repository and the shared corpora beside it, wherever the tests run from.</summary>
public static class RepoPaths
{
    /// <summary>The folder holding PatientForum.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string WebProject => Path.Combine(Root, "src", "PatientForum.Web");

    /// <summary>
    /// The Big List of Naughty Strings: ../shared/corpora/blns.json next to the repository (as laid out
    /// for development and CI), or tests/corpora/blns.json if a copy is kept there.
    /// </summary>
    public static string NaughtyStrings
    {
        get
        {
            string[] candidates =
            [
                Path.Combine(Root, "..", "shared", "corpora", "blns.json"),
                Path.Combine(Root, "tests", "corpora", "blns.json"),
            ];
            return candidates.Select(Path.GetFullPath).FirstOrDefault(File.Exists)
                ?? throw new FileNotFoundException($"blns.json was not found; looked in: {string.Join(", ", candidates)}");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PatientForum.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException($"PatientForum.sln was not found above {AppContext.BaseDirectory}.");
    }
}
