using PatientForum.Web.Data;
using PatientForum.Web.Features.Threads;

namespace PatientForum.Web.Features.StyleGuide;

/// <summary>What the style page draws: made-up posts, thread rows and fields, never anything a member wrote.</summary>
public sealed record StyleGuidePage(
    IReadOnlyList<PostView> Posts,
    IReadOnlyList<ThreadListItem> ThreadRows,
    Paging Paging,
    IReadOnlyList<FormField> Fields,
    IReadOnlyList<string> AvatarNames);

public static class StyleGuideSamples
{
    /// <summary>Sample ids sit far above any real one, so the page's element ids never meet a real post's.</summary>
    private const int FirstId = 2_000_000_000;

    public const string SampleAuthor = "Example Member";

    public static readonly FormField FieldWithError = new("SampleEmail", "Email address", "not-an-address", "email", Autocomplete: "off");

    public static StyleGuidePage Build(DateTime now, string? warningKey)
    {
        var reactions = new PostReactionsView(
            new Dictionary<ReactionKind, int> { [ReactionKind.Helpful] = 3, [ReactionKind.Support] = 1 }, new HashSet<ReactionKind>());
        PostView Post(int offset, string author, string html, PostState state = PostState.Visible, string? badge = null,
            string? warnings = null, bool followUp = false, bool opening = false) =>
            new(FirstId + offset, FirstId, "style-guide-sample", author, html, now.AddHours(-offset - 1), null, opening, state, false,
                AuthorBadge: badge, Reactions: reactions, ContentWarnings: warnings, IsFollowUp: followUp);

        return new(
            [
                Post(0, SampleAuthor, "<p>The opening post of a thread: what happened, in the member's own words.</p>", opening: true),
                Post(1, "Example Moderator", "<p>A reply from staff carries their title beside the name.</p>", badge: "Moderator"),
                Post(2, SampleAuthor, "<p>A follow-up: how the treatment went some months on.</p>", followUp: true),
                Post(3, SampleAuthor, "<p>A post with a content warning folds away until the reader opens it.</p>", warnings: warningKey),
                Post(4, SampleAuthor, "<p>A hidden post: staff and its author see the text with the notice.</p>", PostState.Hidden),
            ],
            [
                new(FirstId, "example", "A pinned thread", "a-pinned-thread", SampleAuthor, 12, now.AddDays(-30), now.AddHours(-2), true, false),
                new(FirstId + 1, "example", "A thread for members only, locked", "a-members-thread", SampleAuthor, 1, now.AddDays(-3), now.AddDays(-1), false, true,
                    MembersOnly: true, HasModeratorNote: true),
                new(FirstId + 2, "example", "A new thread with no replies yet", "a-new-thread", SampleAuthor, 0, now.AddMinutes(-5), now.AddMinutes(-5), false, false),
                new(FirstId + 3, "example", "A treatment story, its record summed up", "a-treatment-story", SampleAuthor, 4, now.AddDays(-60), now.AddDays(-2), false, false,
                    Treatment: new TreatmentGlance("Platelet-rich plasma (PRP)", null, 7, 3)),
            ],
            new Paging(4, 20, 200),
            [
                new("SampleName", "Display name", "Example Member", Hint: "Shown beside everything you post.", Autocomplete: "off", MaxLength: 40),
                FieldWithError,
            ],
            [SampleAuthor, "Example Moderator", "A B"]);
    }
}
