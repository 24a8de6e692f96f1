using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Profiles;

/// <summary>Profiles through the real pages: the settings form and what a profile shows.</summary>
public static class Profiling
{
    public const string SettingsForm = "form.settings-form";

    /// <summary>The address of a member's profile, as links to it are written.</summary>
    public static string PathOf(string displayName) => $"/u/{Uri.EscapeDataString(displayName)}";

    /// <summary>Fills in and sends the member's profile settings form; returns the page it answers with.</summary>
    public static async Task<ForumClient.Page> SaveAsync(
        Member member, string about, string aboutVisibility, string conditions = "", string conditionsVisibility = "Nobody")
    {
        var form = await member.Client.GetOkAsync("/account/profile");
        return await member.Client.SubmitAsync(form, SettingsForm, new Dictionary<string, string?>
        {
            ["About"] = Canaries.PlantText("profile text", about),
            ["AboutVisibility"] = aboutVisibility,
            ["Conditions"] = Canaries.PlantText("profile text", conditions),
            ["ConditionsVisibility"] = conditionsVisibility,
        });
    }

    /// <summary>The profile's numbers as shown: threads started, replies written.</summary>
    public static (int Threads, int Replies) Stats(ForumClient.Page profile)
    {
        var numbers = profile.TextsOf(".profile-stats dd").Select(n => int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return (numbers[0], numbers[1]);
    }

    /// <summary>Replies as <paramref name="member"/> and returns the new post's id.</summary>
    public static async Task<int> ReplyAsync(Member member, string threadPath, string text)
    {
        var page = await Compose.ReplyAsync(member, threadPath, text);
        var id = page.Document.QuerySelectorAll("article.post")[^1].Id!["post-".Length..];
        return int.Parse(id, System.Globalization.CultureInfo.InvariantCulture);
    }
}
