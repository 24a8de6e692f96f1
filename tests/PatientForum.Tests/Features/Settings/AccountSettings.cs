using System.Net;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Settings;

/// <summary>The settings forms, filled in and sent as a member does, through the real pages.</summary>
public static class AccountSettings
{
    public static async Task<ForumClient.Page> ChangeNameAsync(ForumClient client, string name)
    {
        var page = await client.GetOkAsync("/account/name");
        return await client.SubmitAsync(page, "form[action='/account/name']", new Dictionary<string, string?> { ["NewName"] = name });
    }

    public static async Task<ForumClient.Page> ChangeEmailAsync(ForumClient client, string newEmail, string password)
    {
        var page = await client.GetOkAsync("/account/email");
        return await client.SubmitAsync(page, "form[action='/account/email']", new Dictionary<string, string?>
        {
            ["NewEmail"] = newEmail,
            ["CurrentPassword"] = password,
        });
    }

    public static async Task<ForumClient.Page> ChangePasswordAsync(ForumClient client, string current, string next)
    {
        var page = await client.GetOkAsync("/account/password");
        return await client.SubmitAsync(page, "form[action='/account/password']", new Dictionary<string, string?>
        {
            ["CurrentPassword"] = current,
            ["NewPassword"] = next,
            ["ConfirmPassword"] = next,
        });
    }

    /// <summary>The rows of the member's security activity page: what, and which browser.</summary>
    public static async Task<IReadOnlyList<(string What, string Client)>> ActivityAsync(ForumClient client) =>
        (await client.GetOkAsync("/account/activity")).Document.QuerySelectorAll("#security-activity tbody tr")
            .Select(row => row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList())
            .Select(cells => (cells[0], cells[2]))
            .ToList();

    /// <summary>A confirmed member without two-factor sign-in, signed in, for forums on a moved clock.</summary>
    public static Task<Member> MemberAsync(ForumFactory forum) => Staff.CreateAsync(forum, null, twoFactor: false);

    /// <summary>Whether the client's session still opens a members-only page (a signed-out one is sent to sign in).</summary>
    public static async Task<bool> SignedInAsync(ForumFactory forum, ForumClient client)
    {
        var bare = forum.CreateForumClient(client.Cookies, followRedirects: false);
        var page = await bare.GetAsync("/account");
        return page.Status == HttpStatusCode.OK;
    }
}
