using System.Globalization;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.AccountDeletion;

/// <summary>Deleting an account and posts through the real pages.</summary>
public static class Deleting
{
    public const string Form = "form.delete-account-form";

    /// <summary>Fills in /account/delete and sends it; returns the page it answers with.</summary>
    public static async Task<ForumClient.Page> DeleteAccountAsync(Member member, string mode, string? password = null, string? code = null)
    {
        var page = await member.Client.GetOkAsync("/account/delete");
        return await member.Client.SubmitAsync(page, Form, new Dictionary<string, string?>
        {
            ["Mode"] = mode,
            ["Password"] = password ?? member.Password,
            ["Code"] = code ?? (member.AuthenticatorKey is { } key ? Totp.Code(key) : null),
        });
    }

    /// <summary>Presses the Delete (or Undo delete) button on the author's post, from its thread page.</summary>
    public static async Task<ForumClient.Page> PressAsync(Member author, string threadPath, int postId, string verb)
    {
        var thread = await author.Client.GetOkAsync(threadPath);
        return await author.Client.SubmitAsync(thread, $"#post-{postId} form[action='/posts/{postId}/{verb}']", new Dictionary<string, string?>());
    }

    /// <summary>A word found nowhere else, so a scan for it finds only this test's text.</summary>
    public static string UniqueWord(string hint) => hint + Guid.NewGuid().ToString("N")[..10];

    public static int IdOf(string postElementId) => int.Parse(postElementId["post-".Length..], CultureInfo.InvariantCulture);
}
