namespace PatientForum.TestSupport;

/// <summary>Finds the repository and the shared corpora beside it, wherever the tests run from.</summary>
public static class RepoPaths
{
    /// <summary>The folder holding PatientForum.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string WebProject => Path.Combine(Root, "src", "PatientForum.Web");

    /// <summary>The Big List of Naughty Strings (MIT, see tests/corpora/blns.LICENSE), kept in the repository.</summary>
    public static string NaughtyStrings => Path.Combine(Root, "tests", "corpora", "blns.json");

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
