using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Configuration;

/// <summary>
/// The documented <c>users add-role</c> command, run as its own process on the data folder of a running forum
/// (SQLite in WAL mode lets the two share the file).
/// </summary>
public sealed class UsersCommandTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    [Fact]
    public async Task AddRole_ForARegisteredMember_ExitsZeroAndGivesThemTheRole()
    {
        var member = await Members.RegisterAsync(factory);
        Assert.Equal(0L, await RoleCountAsync(member.Email, "moderator"));

        var result = await RunForumAsync("users", "add-role", "moderator", member.Email);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"{member.DisplayName} is now moderator.", result.Output, StringComparison.Ordinal);
        Assert.Equal(1L, await RoleCountAsync(member.Email, "moderator"));
        Assert.Equal(0L, await RoleCountAsync(member.Email, "admin"));
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

    private Task<ProcessResult> RunForumAsync(params string[] args) => ForumCommandLine.RunAsync(factory, args);

    /// <summary>How many times the user with this email holds the named role, read from the database.</summary>
    private Task<long> RoleCountAsync(string email, string role) =>
        factory.Database.ScalarAsync<long>("""
            SELECT COUNT(*) FROM "AspNetUserRoles" ur
            JOIN "AspNetUsers" u ON u."Id" = ur."UserId"
            JOIN "AspNetRoles" r ON r."Id" = ur."RoleId"
            WHERE u."NormalizedEmail" = @email AND r."Name" = @role
            """, ("email", email.ToUpperInvariant()), ("role", role));
}
