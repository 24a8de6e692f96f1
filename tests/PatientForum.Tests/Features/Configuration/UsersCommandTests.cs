using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;

namespace PatientForum.Tests.Features.Configuration;

/// <summary>
/// The documented <c>users add-role</c> and <c>users remove-role</c> commands, run on the data folder of a running
/// forum: once as their own process, as the README runs them (SQLite in WAL mode lets the two share the file), the rest
/// on a host of their own in this process. Each change is in the audit log, which names the command line as who made it.
/// </summary>
public sealed class UsersCommandTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    [Fact]
    public async Task AddRole_RunAsItsOwnProcess_ForARegisteredMember_ExitsZeroAndGivesThemTheRole()
    {
        var member = await Members.RegisterAsync(factory);
        Assert.Equal(0L, await RoleCountAsync(member.Email, "moderator"));

        var result = await ForumCommandLine.RunProcessAsync(factory, "users", "add-role", "moderator", member.Email);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"{member.DisplayName} is now moderator.", result.Output, StringComparison.Ordinal);
        Assert.Equal(1L, await RoleCountAsync(member.Email, "moderator"));
        Assert.Equal(0L, await RoleCountAsync(member.Email, "admin"));
    }

    [Theory]
    [InlineData("moderator", "GrantModerator")]
    [InlineData("admin", "GrantAdmin")]
    public async Task AddRole_FromTheCommandLine_IsInTheAuditLogWithTheCommandLineAsWho(string role, string kind)
    {
        var member = await Members.RegisterAsync(factory);
        var reader = await Staff.ModeratorAsync(factory);

        var result = await RunForumAsync("users", "add-role", role, member.Email);

        Assert.True(result.ExitCode == 0, result.ToString());
        var entry = Assert.Single(await AuditLogAsync(reader), row => row[3] == $"({member.DisplayName})");
        Assert.Equal(["command line", kind], entry[1..3]);
    }

    [Theory]
    [InlineData("moderator", "RevokeModerator")]
    [InlineData("admin", "RevokeAdmin")]
    public async Task RemoveRole_ForAMemberWhoHoldsIt_ExitsZeroTakesItAwayAndLogsItWithTheCommandLineAsWho(string role, string kind)
    {
        var member = await Members.RegisterAsync(factory);
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ForumUser>>();
            await users.AddToRoleAsync((await users.FindByEmailAsync(member.Email))!, role);
        }
        var reader = await Staff.ModeratorAsync(factory);

        var result = await RunForumAsync("users", "remove-role", role, member.Email);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"{member.DisplayName} is no longer {role}.", result.Output, StringComparison.Ordinal);
        Assert.Equal(0L, await RoleCountAsync(member.Email, role));
        var entry = Assert.Single(await AuditLogAsync(reader), row => row[3] == $"({member.DisplayName})");
        Assert.Equal(["command line", kind], entry[1..3]);
    }

    [Fact]
    public async Task RemoveRole_ForAMemberWithoutIt_ExitsOneAndLogsNothing()
    {
        var member = await Members.RegisterAsync(factory);
        var reader = await Staff.ModeratorAsync(factory);

        var result = await RunForumAsync("users", "remove-role", "moderator", member.Email);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"{member.DisplayName} is not moderator.", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(await AuditLogAsync(reader), row => row[3] == $"({member.DisplayName})");
    }

    [Fact]
    public async Task AddRole_ForAnUnknownEmail_ExitsOneWithAMessage()
    {
        factory.CreateClient().Dispose();
        var email = Members.UniqueEmail("nobody");

        var result = await RunForumAsync("users", "add-role", "moderator", email);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"No registered user has the email address {email}", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("users", "add-role")]
    [InlineData("users", "promote", "moderator", "someone@example.org")]
    [InlineData("users", "add-role", "superhero", "someone@example.org")]
    public async Task Users_WithBadUsage_ExitsTwoWithHelp(params string[] args)
    {
        factory.CreateClient().Dispose();

        var result = await RunForumAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Matches("Usage:|Unknown role", result.Error);
    }

    private Task<CommandResult> RunForumAsync(params string[] args) => ForumCommandLine.RunAsync(factory, args);

    /// <summary>The first page of the audit log as <paramref name="reader"/> sees it: each row's cells (When, Who, What, On, Why), trimmed.</summary>
    private static async Task<IReadOnlyList<string[]>> AuditLogAsync(Member reader) =>
        (await reader.Client.GetOkAsync("/moderation/log")).Document.QuerySelectorAll("tbody tr")
            .Select(row => row.QuerySelectorAll("td").Select(cell => string.Join(' ', cell.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToArray())
            .ToList();

    /// <summary>How many times the user with this email holds the named role, read from the database.</summary>
    private Task<long> RoleCountAsync(string email, string role) =>
        factory.Database.ScalarAsync<long>("""
            SELECT COUNT(*) FROM "AspNetUserRoles" ur
            JOIN "AspNetUsers" u ON u."Id" = ur."UserId"
            JOIN "AspNetRoles" r ON r."Id" = ur."RoleId"
            WHERE u."NormalizedEmail" = @email AND r."Name" = @role
            """, ("email", email.ToUpperInvariant()), ("role", role));
}
