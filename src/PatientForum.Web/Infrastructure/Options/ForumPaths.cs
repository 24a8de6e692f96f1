using PatientForum.Web.Infrastructure.Email;

namespace PatientForum.Web.Infrastructure.Options;

/// <summary>Resolves the configured folders to absolute paths once, so no other code has to.</summary>
public sealed class ForumPaths
{
    public ForumPaths(IHostEnvironment environment, ForumOptions forum, SmtpOptions smtp)
    {
        DataDirectory = Path.GetFullPath(forum.DataDirectory, environment.ContentRootPath);
        SeedDirectory = Path.GetFullPath(forum.SeedDirectory, AppContext.BaseDirectory);
        MailPickupDirectory = Path.GetFullPath(smtp.PickupDirectory, DataDirectory);
    }

    public string DataDirectory { get; }
    public string SeedDirectory { get; }
    public string MailPickupDirectory { get; }
    public string SqliteDatabaseFile => Path.Combine(DataDirectory, "forum.db");
}
