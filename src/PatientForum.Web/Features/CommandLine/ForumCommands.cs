using Microsoft.AspNetCore.Identity;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Moderation;
using PatientForum.Web.Features.Search;
using PatientForum.Web.Infrastructure.Caching;

namespace PatientForum.Web.Features.CommandLine;

/// <summary>
/// Administrative commands run instead of the web server, e.g.
/// <c>dotnet run --project src/PatientForum.Web -- users add-role moderator someone@example.org</c>.
/// </summary>
public static class ForumCommands
{
    private const string Usage = """
        Usage:
          users add-role <moderator|admin> <email>      give a registered user a staff role
          users remove-role <moderator|admin> <email>   take it away again
          search rebuild                                rebuild the full-text search index from the posts
          db backup <file>                              a consistent copy of the database, taken while the forum runs
          db copy --to-postgres "<connection string>"   copy this SQLite forum into an empty PostgreSQL database
        """;

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "users" or "search" or "db";

    /// <summary>Runs the command in <paramref name="args"/>, writing what it reports to <paramref name="output"/> and problems to <paramref name="error"/>.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        if (args is ["db", "backup", var file])
        {
            await using var backupScope = services.CreateAsyncScope();
            try
            {
                var written = await ForumDatabase.BackupAsync(backupScope.ServiceProvider.GetRequiredService<ForumDbContext>(), file, CancellationToken.None);
                await output.WriteLineAsync($"Backup written to {written}.");
                return 0;
            }
            catch (Exception refused) when (refused is IOException or InvalidOperationException)
            {
                // The file exists already, or the forum runs on PostgreSQL: a reason, not a stack trace.
                await error.WriteLineAsync(refused.Message);
                return 1;
            }
        }
        if (args is ["db", "copy", "--to-postgres", var connectionString])
        {
            return await CopyToPostgresAsync(services, connectionString, output, error);
        }
        if (args is ["search", "rebuild"])
        {
            await using var searchScope = services.CreateAsyncScope();
            var indexed = await searchScope.ServiceProvider.GetRequiredService<ISearchEngine>().RebuildAsync(CancellationToken.None);
            output.WriteLine($"Search index rebuilt: {indexed} posts.");
            return 0;
        }
        if (args is not ["users", var verb and ("add-role" or "remove-role"), var role, var email])
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }
        if (!ForumRoles.All.Contains(role))
        {
            await error.WriteLineAsync($"Unknown role '{role}'. Roles: {string.Join(", ", ForumRoles.All)}.");
            return 2;
        }

        return await ChangeRoleAsync(services, grant: verb == "add-role", role, email, output, error);
    }

    private static async Task<int> ChangeRoleAsync(IServiceProvider services, bool grant, string role, string email, TextWriter output, TextWriter error)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ForumUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            await error.WriteLineAsync($"No registered user has the email address {email}. Register on the site first.");
            return 1;
        }
        if (await users.IsInRoleAsync(user, role) == grant)
        {
            await error.WriteLineAsync(grant ? $"{user.DisplayName} is already {role}." : $"{user.DisplayName} is not {role}.");
            return 1;
        }

        // Logged as a change made on /admin/moderators is, and saved with the role change itself. Nobody signs in
        // here, so the entry has no actor: the audit log names the command line.
        scope.ServiceProvider.GetRequiredService<ModerationService>()
            .Audit(RoleChange(role, grant), actorId: null, reason: null, postId: null, threadId: null, targetUserId: user.Id);
        var result = grant
            ? await users.AddToRoleAsync(user, role)
            : await users.RemoveFromRoleAsync(user, role);
        if (!result.Succeeded)
        {
            await error.WriteLineAsync(string.Join(Environment.NewLine, result.Errors.Select(e => e.Description)));
            return 1;
        }

        // A new stamp makes the user's existing sessions pick up the change at their next security-stamp check.
        await users.UpdateSecurityStampAsync(user);

        // The badge on the user's posts changes too. With the page cache in Redis this evicts the running forum's
        // pages; a forum caching in its own memory serves them until they expire (a minute at most).
        await scope.ServiceProvider.GetRequiredService<PageCache>().MemberChangedAsync(user.Id, CancellationToken.None);
        output.WriteLine(grant
            ? $"{user.DisplayName} is now {role}."
            : $"{user.DisplayName} is no longer {role}.");
        return 0;
    }

    private static ModerationKind RoleChange(string role, bool grant) => (role, grant) switch
    {
        (ForumRoles.Admin, true) => ModerationKind.GrantAdmin,
        (ForumRoles.Admin, false) => ModerationKind.RevokeAdmin,
        (_, true) => ModerationKind.GrantModerator,
        _ => ModerationKind.RevokeModerator,
    };

    private static async Task<int> CopyToPostgresAsync(IServiceProvider services, string connectionString, TextWriter output, TextWriter error)
    {
        await using var scope = services.CreateAsyncScope();
        IReadOnlyList<DatabaseCopy.TableCopy> copied;
        try
        {
            copied = await DatabaseCopy.ToPostgresAsync(scope.ServiceProvider.GetRequiredService<ForumDbContext>(), connectionString, CancellationToken.None);
        }
        catch (InvalidOperationException refused)
        {
            await error.WriteLineAsync(refused.Message);
            return 1;
        }
        var width = copied.Max(t => t.Table.Length);
        output.WriteLine("Copied into PostgreSQL:");
        foreach (var table in copied)
        {
            output.WriteLine($"  {table.Table.PadRight(width)}  {table.Rows,9}");
        }
        return 0;
    }
}
