namespace PatientForum.Tests.Infrastructure;

/// <summary>Two-factor sign-in set up through its page, with codes from <see cref="Totp"/> standing in for the app.</summary>
public static class TwoFactor
{
    /// <summary>Reads the key the page shows, confirms with a code from it; returns the key and the recovery codes shown once.</summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableAsync(ForumClient client)
    {
        var done = await client.TurnOnTwoFactorAsync();
        Assert.Equal("Your recovery codes", done.TextOf("h1"));
        return (client.AuthenticatorKey!, done.TextsOf(".recovery-codes code"));
    }
}
