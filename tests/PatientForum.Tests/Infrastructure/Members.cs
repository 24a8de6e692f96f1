namespace PatientForum.Tests.Infrastructure;

/// <summary>A member created through the real registration form.</summary>
public sealed record Member(string Email, string DisplayName, string Password, ForumClient Client);

/// <summary>Makes members the way people do: register, open the link from the mail, sign in.</summary>
public static class Members
{
    public const string Password = "correct horse battery staple";

    public static string UniqueEmail(string hint = "member") => $"{hint}-{Guid.NewGuid():N}@example.org";

    public static string UniqueName(string hint = "Member") => $"{hint} {Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Registers through the form; the new member is signed in but not yet confirmed.</summary>
    public static async Task<Member> RegisterAsync(ForumFactory factory, string? displayName = null)
    {
        var client = factory.CreateForumClient();
        var email = UniqueEmail();
        var name = displayName ?? UniqueName();
        var form = await client.GetOkAsync("/account/register");
        var result = await client.SubmitAsync(form, "form[action='/account/register']", new Dictionary<string, string?>
        {
            ["Email"] = email,
            ["DisplayName"] = name,
            ["Password"] = Password,
            ["ConfirmPassword"] = Password,
        });
        Assert.Equal("Check your email", result.TextOf("h1"));
        return new Member(email, name, Password, client);
    }

    /// <summary>Opens the confirmation link from the member's mail, as they would.</summary>
    public static async Task ConfirmAsync(Member member)
    {
        var mail = await member.Client.Factory.Mail.WaitForAsync(member.Email, "Confirm your email");
        var page = await member.Client.GetOkAsync(MailPickup.LinkIn(mail, "/account/confirm"));
        Assert.Equal("Email confirmed", page.TextOf("h1"));
    }

    public static async Task<Member> RegisterConfirmedAsync(ForumFactory factory, string? displayName = null)
    {
        var member = await RegisterAsync(factory, displayName);
        await ConfirmAsync(member);
        return member;
    }
}
