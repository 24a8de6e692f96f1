using Microsoft.Extensions.Options;
using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Web.Features.DataExport;

/// <summary>The folder the ZIP files live in (Forum:Export:Folder, under Forum:DataDirectory), resolved once.</summary>
public sealed class ExportFolder(ForumPaths paths, IOptions<DataExportOptions> options)
{
    public string Path { get; } = System.IO.Path.GetFullPath(options.Value.Folder, paths.DataDirectory);

    /// <summary>The file of one export: named by its random id, so no name from a member ever reaches the file system.</summary>
    public static string FileNameOf(Guid id) => $"{id:N}.zip";

    public string PathOf(string fileName) => System.IO.Path.Combine(Path, System.IO.Path.GetFileName(fileName));
}
