using System.Net;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Profiles;

/// <summary>
/// The profile settings page: what each part of a profile shows to whom, the form's checks (the member's text always
/// comes back with the reason), and Markdown rendered through the forum's sanitizer.
/// </summary>
public sealed class ProfileSettingsTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    [Fact]
    public async Task NewMember_SettingsForm_KeepsBothPartsToThemselfByDefault()
    {
        var member = await Members.RegisterConfirmedAsync(factory);

        var form = await member.Client.GetOkAsync("/account/profile");

        Assert.Equal("", form.TextOf("#About"));
        Assert.Equal("", form.TextOf("#Conditions"));
        Assert.Equal(["Nobody", "Nobody"], form.Document.QuerySelectorAll("input[type=radio]:checked").Select(r => r.GetAttribute("value")!));
    }

    [Fact]
    public async Task AboutAndConditions_ReachOnlyTheAudienceTheMemberChose()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var other = await Members.RegisterConfirmedAsync(factory);
        var moderator = await Staff.ModeratorAsync(factory);
        var about = $"Diagnosed with fibromyalgia in 2019 {Guid.NewGuid():N}";
        var condition = $"Pregabalin, since the spring {Guid.NewGuid():N}";
        var path = Profiling.PathOf(member.DisplayName);

        var saved = await Profiling.SaveAsync(member, about, "Members", $"Fibromyalgia\n\n{condition}\n", "Public");

        Assert.Equal("Your profile is saved.", saved.TextOf(".notice"));
        var visitor = await factory.CreateForumClient().GetOkAsync(path);
        Assert.DoesNotContain(about, visitor.Text, StringComparison.Ordinal);
        Assert.Equal(["Fibromyalgia", condition], visitor.TextsOf(".conditions li"));
        Assert.Contains(about, (await other.Client.GetOkAsync(path)).TextOf(".profile-section .post-body"), StringComparison.Ordinal);

        await Profiling.SaveAsync(member, about, "Nobody", condition, "Public");

        Assert.DoesNotContain(about, (await other.Client.GetOkAsync(path)).Text, StringComparison.Ordinal);
        Assert.DoesNotContain(about, (await moderator.Client.GetOkAsync(path)).Text, StringComparison.Ordinal);
        Assert.DoesNotContain(about, (await factory.CreateForumClient().GetOkAsync(path)).Text, StringComparison.Ordinal);
        var own = await member.Client.GetOkAsync(path);
        Assert.Contains(about, own.TextOf(".profile-section .post-body"), StringComparison.Ordinal);
        Assert.Equal(["Only you can see this.", "Everyone can see this."], own.TextsOf(".profile-section .hint"));
        Assert.Equal([condition], (await moderator.Client.GetOkAsync(path)).TextsOf(".conditions li"));
    }

    [Fact]
    public async Task About_IsMarkdownThroughTheSanitizer()
    {
        var member = await Members.RegisterConfirmedAsync(factory);

        await Profiling.SaveAsync(member, "I **swim** twice a week. <script>alert(1)</script> [My club](https://example.org/club)", "Public");

        var about = (await factory.CreateForumClient().GetOkAsync(Profiling.PathOf(member.DisplayName))).Document.QuerySelector(".profile-section .post-body")!;
        Assert.Equal("swim", about.QuerySelector("strong")!.TextContent);
        Assert.Empty(about.QuerySelectorAll("script"));
        Assert.Contains("nofollow", about.QuerySelector("a[href='https://example.org/club']")!.GetAttribute("rel"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooLongAbout_ShowsTheProblem_AndKeepsTheText()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var about = $"{Guid.NewGuid():N} " + string.Concat(Enumerable.Repeat("My knee story goes on. ", 90));

        var page = await Profiling.SaveAsync(member, about, "Public", "Knee replacement", "Members");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Contains("too long", page.TextOf("#About-error"), StringComparison.Ordinal);
        Assert.Equal("true", page.Document.QuerySelector("#About")!.GetAttribute("aria-invalid"));
        Assert.Equal(about.Trim(), page.TextOf("#About"));
        Assert.Equal("Knee replacement", page.TextOf("#Conditions"));
        Assert.Equal(["Public", "Members"], page.Document.QuerySelectorAll("input[type=radio]:checked").Select(r => r.GetAttribute("value")!));
        Assert.DoesNotContain(about[..32], (await factory.CreateForumClient().GetOkAsync(Profiling.PathOf(member.DisplayName))).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooManyConditions_ShowTheProblem_AndKeepTheText()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var conditions = string.Join('\n', Enumerable.Range(1, 21).Select(i => $"Treatment number {i}"));

        var page = await Profiling.SaveAsync(member, "", "Nobody", conditions, "Public");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Contains("at most 20", page.TextOf("#Conditions-error"), StringComparison.Ordinal);
        Assert.Equal(conditions, page.TextOf("#Conditions"));
        Assert.Empty((await factory.CreateForumClient().GetOkAsync(Profiling.PathOf(member.DisplayName))).Document.QuerySelectorAll(".conditions"));
    }
}
