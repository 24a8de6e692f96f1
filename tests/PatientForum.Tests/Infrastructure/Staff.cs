using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PatientForum.Web.Data;

namespace PatientForum.Tests.Infrastructure;

/// <summary>Moderators and admins for tests. Granting a role is tested through the command line and /admin elsewhere.</summary>
public static class Staff
{
    /// <summary>
    /// Registers a member through the form, confirms and promotes them directly (the confirmation mail may go
    /// to an SMTP server that is down on purpose), signs in, turns on two-factor sign-in through its page as staff must
    /// (unless <paramref name="twoFactor"/> is false), and signs in again, with the code, so the cookie carries
    /// the role.
    /// </summary>
    public static async Task<Member> CreateAsync(ForumFactory factory, string? role, bool twoFactor = true)
    {
        var member = await Members.RegisterAsync(factory);
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ForumUser>>();
            var user = (await users.FindByEmailAsync(member.Email))!;
            await users.ConfirmEmailAsync(user, await users.GenerateEmailConfirmationTokenAsync(user));
            if (role is not null)
            {
                await users.AddToRoleAsync(user, role);
            }
        }
        (await Members.SignInAsync(member.Client, member)).EnsureSuccess();
        if (role is not null && twoFactor)
        {
            member = member with { AuthenticatorKey = (await TwoFactor.EnableAsync(member.Client)).Key };
        }
        var client = factory.CreateForumClient();
        await Members.SignInAsync(client, member);
        return member with { Client = client };
    }

    /// <summary>A confirmed member with no role, for forums whose mail goes to an SMTP server rather than the pickup folder.</summary>
    public static Task<Member> MemberAsync(ForumFactory factory) => CreateAsync(factory, null);

    public static Task<Member> ModeratorAsync(ForumFactory factory) => CreateAsync(factory, ForumRoles.Moderator);

    public static Task<Member> AdminAsync(ForumFactory factory) => CreateAsync(factory, ForumRoles.Admin);
}
