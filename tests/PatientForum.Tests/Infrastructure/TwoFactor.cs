namespace PatientForum.Tests.Infrastructure;

/// <summary>Two-factor sign-in set up through its page, with codes from <see cref="Totp"/> standing in for the app.</summary>
public static class TwoFactor
{
    /// <summary>Reads the key the page shows, confirms with a code from it; returns the key and the recovery codes shown once.</summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableAsync(ForumClient client)
    {
        var page = await client.GetOkAsync("/account/two-factor");
        var key = page.TextOf("#shared-key") ?? throw new InvalidOperationException($"No shared key on {page.Url}.");
        var done = await client.SubmitAsync(page, "form[action='/account/two-factor/enable']", new Dictionary<string, string?>
        {
            ["Code"] = Totp.Code(key),
        });
        Assert.Equal("Your recovery codes", done.TextOf("h1"));
        return (key, done.TextsOf(".recovery-codes code"));
    }
}
