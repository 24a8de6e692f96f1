using PatientForum.Web.Features.Moderation;
using PatientForum.Web.Infrastructure.Options;
using PatientForum.Web.Infrastructure.Security;

namespace PatientForum.Web.Features.SiteSettings;

/// <summary>How a setting is written in the form and stored.</summary>
public enum SettingKind
{
    Text,
    LongText,
    Number,

    /// <summary>A configuration array: one item a line in the form and in the stored value.</summary>
    Lines,
}

/// <summary>One setting an admin may change: its configuration key, where the form shows it and how it is typed.</summary>
public sealed record SiteSettingDefinition(string Key, string Group, string Label, string Help, SettingKind Kind)
{
    /// <summary>The options property the key binds to: the key's last segment.</summary>
    public string Property => Key[(Key.LastIndexOf(':') + 1)..];

    /// <summary>A form field name without colons, which would not survive as an HTML id.</summary>
    public string FieldName => Key.Replace(':', '_');
}

/// <summary>
/// The settings a community manager changes without a redeploy. Each is an existing configuration key, so its rules are
/// the options class's own; only keys whose readers take the current value (<c>IOptionsMonitor</c>) belong here.
/// </summary>
public static class SiteSettingCatalog
{
    private const string Forum = ForumOptions.SectionName + ":";
    private const string Moderation = ModerationOptions.SectionName + ":";
    private const string Limits = RateLimitOptions.SectionName + ":";

    public static IReadOnlyList<SiteSettingDefinition> All { get; } =
    [
        new(Forum + nameof(ForumOptions.Name), "The forum", "Forum name", "In every page's title and header, in feeds and link previews.", SettingKind.Text),
        new(Forum + nameof(ForumOptions.Description), "The forum", "Description", "What search engines show under the forum's name.", SettingKind.LongText),
        new(Moderation + nameof(ModerationOptions.CrisisResources), "Safety", "Crisis resources",
            "Shown to a member who raises a self-harm concern, one line each. Empty: the built-in emergency numbers.", SettingKind.Lines),
        new(Moderation + nameof(ModerationOptions.AutoHideThreshold), "Moderation", "Auto-hide threshold",
            "Flags from this many different established members hide a post until a moderator decides (1–100).", SettingKind.Number),
        new(Moderation + nameof(ModerationOptions.ModeratorEmails), "Moderation", "Moderator mail addresses",
            "Addresses that get moderator mail besides the moderators themselves, one a line.", SettingKind.Lines),
        new(Limits + nameof(RateLimitOptions.ReplySeconds), "Rate limits", "Seconds between replies", "One reply per member per this many seconds (1–3600).", SettingKind.Number),
        new(Limits + nameof(RateLimitOptions.ThreadSeconds), "Rate limits", "Seconds between new threads", "One new thread per member per this many seconds (1–3600).", SettingKind.Number),
        new(Limits + nameof(RateLimitOptions.ReactionsPerMinute), "Rate limits", "Reactions per minute", "Reactions one member may give or take back per minute (1–1000).", SettingKind.Number),
        new(Limits + nameof(RateLimitOptions.NewUserHours), "New members", "New-member period (hours)",
            "An account younger than this is held to the limits below, and its flags do not count toward hiding (0–720).", SettingKind.Number),
        new(Limits + nameof(RateLimitOptions.NewUserReplySeconds), "New members", "Seconds between posts", "A new member may post once per this many seconds (1–3600).", SettingKind.Number),
        new(Limits + nameof(RateLimitOptions.NewUserRepliesPerDay), "New members", "Replies in the first period", "Replies a new member may post (1–10000).", SettingKind.Number),
        new(Limits + nameof(RateLimitOptions.NewUserThreadsPerDay), "New members", "Threads in the first period", "Threads a new member may start (1–10000).", SettingKind.Number),
        new(Limits + nameof(RateLimitOptions.NewUserMaxLinks), "New members", "Links per post", "Links (images count) in one post by a new member (0–1000).", SettingKind.Number),
    ];

    public static SiteSettingDefinition? Find(string key) =>
        All.FirstOrDefault(d => string.Equals(d.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>The items of a stored list: one a line, blank lines left out.</summary>
    public static IReadOnlyList<string> Lines(string value) =>
        value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
