namespace PatientForum.Tests.Infrastructure;

/// <summary>
/// A member created through the real registration form; <paramref name="AuthenticatorKey"/> is the key their
/// "authenticator app" holds once two-factor sign-in is on.
/// </summary>
public sealed record Member(string Email, string DisplayName, string Password, ForumClient Client, string? AuthenticatorKey = null);

/// <summary>
/// Makes members the way people do: register, open the link from the mail, sign in. Every address, password and
/// confirmation code is a planted secret (<see cref="Canaries"/>) that the logs must never hold.
/// </summary>
public static class Members
{
    public static string UniqueEmail(string hint = "member") => Canaries.Email(hint);

    public static string UniqueName(string hint = "Member") => $"{hint} k{Guid.NewGuid().ToString("N")[..7]}"; // never "Member 12345678", an alias's name

    /// <summary>Registers through the form; the new member is not confirmed, so not signed in either.</summary>
    public static async Task<Member> RegisterAsync(ForumFactory factory, string? displayName = null)
    {
        var client = factory.CreateForumClient();
        var email = UniqueEmail();
        var password = Canaries.Password();
        var name = displayName ?? UniqueName();
        var result = await client.RegisterAsync(email, name, password);
        Assert.Equal("Check your email", result.TextOf("h1"));
        return new Member(email, name, password, client);
    }

    /// <summary>Opens the confirmation link from the member's mail, as they would.</summary>
    public static async Task ConfirmAsync(Member member)
    {
        var link = await member.Client.ConfirmationLinkAsync(member.Email);
        Canaries.PlantQueryValue("confirmation code", link, "code");
        var page = await member.Client.GetOkAsync(link);
        Assert.Equal("Email confirmed", page.TextOf("h1"));
    }

    /// <summary>
    /// Signs in through the form and, for a member with two-factor sign-in on, the code step with a code from
    /// their key. Works with a client that follows redirects and with one that does not.
    /// </summary>
    public static Task<ForumClient.Page> SignInAsync(ForumClient client, Member member) =>
        client.SignInAsync(member.Email, member.Password, member.AuthenticatorKey);

    /// <summary>Registers, confirms with the link from the mail, and signs in, as a new member does.</summary>
    public static async Task<Member> RegisterConfirmedAsync(ForumFactory factory, string? displayName = null)
    {
        var member = await RegisterAsync(factory, displayName);
        await ConfirmAsync(member);
        (await SignInAsync(member.Client, member)).EnsureSuccess();
        return member;
    }
}
