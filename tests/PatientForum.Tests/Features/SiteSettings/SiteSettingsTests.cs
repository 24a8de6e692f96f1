using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Moderation;

namespace PatientForum.Tests.Features.SiteSettings;

/// <summary>
/// /admin/settings on one instance: a saved setting applies at once, is checked by the configuration's own rules
/// (nothing is saved when one fails), is in the audit log, and can be put back to the configuration's default.
/// </summary>
public sealed class SiteSettingsTests
{
    private const string AutoHiddenNotice = "This post is hidden while moderators review it.";

    [Fact]
    public async Task Save_AutoHideThresholdTwo_TwoEstablishedFlagsHideAPost_AndTheChangeIsAudited()
    {
        using var forum = new ForumFactory();
        var admin = await Staff.AdminAsync(forum);
        var author = await Members.RegisterConfirmedAsync(forum);
        var (path, replyId) = await Moderating.ThreadWithReplyAsync(author, "Two flags are enough now.");
        var flaggers = new[] { await Moderating.EstablishedMemberAsync(forum), await Moderating.EstablishedMemberAsync(forum) };

        var saved = await SiteSettingsForm.SaveAsync(admin, new() { [SiteSettingsForm.AutoHideThreshold] = "2" });
        foreach (var flagger in flaggers)
        {
            await Moderating.FlagAsync(flagger, replyId);
        }

        Assert.Equal("Settings saved. They apply on every instance at once.", saved.TextOf("p.notice"));
        Assert.Equal("2", saved.Document.QuerySelector($"#{SiteSettingsForm.AutoHideThreshold}")?.GetAttribute("value"));
        Assert.Contains(AutoHiddenNotice, await Moderating.PostTextAsync(forum.CreateForumClient(), path, replyId), StringComparison.Ordinal);
        Assert.Equal(["Forum:Moderation:AutoHideThreshold: 3 (default) → 2"], await ChangesAsync(forum));
    }

    [Fact]
    public async Task Save_OutOfRangeThresholdAndEmptyName_Answers422WithEachMessageAndTheTypedValues_AndSavesNothing()
    {
        using var forum = new ForumFactory();
        var admin = await Staff.AdminAsync(forum);

        var refused = await SiteSettingsForm.SaveAsync(admin, new() { [SiteSettingsForm.AutoHideThreshold] = "0", [SiteSettingsForm.ForumName] = " " });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Equal(["Forum name must not be empty.", "Auto-hide threshold must be between 1 and 100."], refused.TextsOf(".form-errors li"));
        Assert.Equal("0", refused.Document.QuerySelector($"#{SiteSettingsForm.AutoHideThreshold}")?.GetAttribute("value"));
        Assert.Equal("true", refused.Document.QuerySelector($"#{SiteSettingsForm.AutoHideThreshold}")?.GetAttribute("aria-invalid"));
        Assert.Equal(0, await ModerationState.QueryAsync(forum, db => db.SiteSettings.CountAsync()));
        Assert.Empty(await ChangesAsync(forum));
        Assert.Equal(3, SiteSettingsForm.Current<ModerationOptions>(forum).AutoHideThreshold);
    }

    [Fact]
    public async Task Save_ABadAddressAmongTheModeratorAddresses_IsRefusedNamingItsLine_AndSavesNothing()
    {
        using var forum = new ForumFactory();
        var admin = await Staff.AdminAsync(forum);

        var refused = await SiteSettingsForm.SaveAsync(admin, new()
        {
            [SiteSettingsForm.ModeratorEmails] = "team@moderators.example.org\nnot an address",
            [SiteSettingsForm.AutoHideThreshold] = "5",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Equal(["Moderator mail addresses, line 2, is not a valid email address."], refused.TextsOf(".form-errors li"));
        Assert.Equal("team@moderators.example.org\nnot an address", refused.Document.QuerySelector($"#{SiteSettingsForm.ModeratorEmails}")?.TextContent.Trim());
        Assert.Equal(0, await ModerationState.QueryAsync(forum, db => db.SiteSettings.CountAsync()));
        Assert.Equal(3, SiteSettingsForm.Current<ModerationOptions>(forum).AutoHideThreshold);
    }

    [Fact]
    public async Task Reset_ASavedForumName_BringsBackTheDefault_AndVisitorsCachedPagesShowEachName()
    {
        using var forum = new ForumFactory();
        var admin = await Staff.AdminAsync(forum);
        using var visitor = forum.CreateForumClient();
        await visitor.GetOkAsync("/");
        var cached = await visitor.GetOkAsync("/");

        await SiteSettingsForm.SaveAsync(admin, new() { [SiteSettingsForm.ForumName] = "Knee Circle" });
        var renamed = await visitor.GetOkAsync("/");
        var reset = await SiteSettingsForm.ResetAsync(admin, "Forum:Name");
        var back = await visitor.GetOkAsync("/");

        Assert.NotNull(cached.Response.Headers.Age);
        Assert.Equal(("Knee Circle", "Latest stories · Knee Circle"), (renamed.TextOf(".brand"), renamed.Document.Title));
        Assert.Equal("Settings saved. They apply on every instance at once.", reset.TextOf("p.notice"));
        Assert.Equal(("PatientForum", "Latest stories · PatientForum"), (back.TextOf(".brand"), back.Document.Title));
        Assert.Equal(["Forum:Name: PatientForum (default) → Knee Circle", "Forum:Name: Knee Circle → PatientForum (default)"], await ChangesAsync(forum));
    }

    [Fact]
    public async Task Save_OneModeratorAddress_ReplacesTheConfiguredList_AndResetBringsItBack()
    {
        using var forum = new TwoConfiguredAddresses();
        var admin = await Staff.AdminAsync(forum);
        var before = SiteSettingsForm.Current<ModerationOptions>(forum).ModeratorEmails;

        await SiteSettingsForm.SaveAsync(admin, new() { [SiteSettingsForm.ModeratorEmails] = "new-team@example.org" });
        var saved = SiteSettingsForm.Current<ModerationOptions>(forum).ModeratorEmails;
        await SiteSettingsForm.ResetAsync(admin, "Forum:Moderation:ModeratorEmails");

        Assert.Equal(["first@example.org", "second@example.org"], before);
        Assert.Equal(["new-team@example.org"], saved);
        Assert.Equal(["first@example.org", "second@example.org"], SiteSettingsForm.Current<ModerationOptions>(forum).ModeratorEmails);
        Assert.Equal(["Forum:Moderation:ModeratorEmails: first@example.org|second@example.org (default) → new-team@example.org",
            "Forum:Moderation:ModeratorEmails: new-team@example.org → first@example.org|second@example.org (default)"], await ChangesAsync(forum));
    }

    private static Task<List<string?>> ChangesAsync(ForumFactory forum) => ModerationState.QueryAsync(forum, db => db.ModerationActions
        .Where(a => a.Kind == ModerationKind.ChangeSetting).OrderBy(a => a.Id).Select(a => a.Details).ToListAsync());

    public sealed class TwoConfiguredAddresses : ForumFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Forum:Moderation:ModeratorEmails:0"] = "first@example.org",
            ["Forum:Moderation:ModeratorEmails:1"] = "second@example.org",
        };
    }
}
