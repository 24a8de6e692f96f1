using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Data.Seeding;
using PatientForum.Web.Features.Live;
using PatientForum.Web.Features.Moderation;
using PatientForum.Web.Features.Safety;

namespace PatientForum.Web.Features.Posting;

/// <summary>
/// The safety rules as posting applies them: <see cref="Review"/> before a post is saved (see
/// <see cref="PostingSafetyCheck"/>), then <see cref="RaiseAsync"/> once it is, which puts it in the moderators' queue
/// when the rules say so, the way a member's flag does: an open
/// flag (from the <see cref="SafetyReporter"/> account, so the queue shows no member raised it) with the reason, and for
/// self-harm language the same urgent mail a member's self-harm flag sends, through the outbox, in the same save.
/// Nobody but the moderators hears of it.
/// </summary>
public sealed class PostingSafety(PostingSafetyCheck check, ForumDbContext db, ModeratorMail mail, ForumChanges changes, TimeProvider clock)
{
    /// <summary>What posting does with this text in a thread that <paramref name="membersOnly"/> or not.</summary>
    public SafetyReview Review(string? title, string body, bool membersOnly, bool postAnyway) => check.Review(title, body, membersOnly, postAnyway);

    /// <summary>
    /// The same for a post in <paramref name="thread"/>, whose topic may make it members-only: a reply (no title), or an
    /// edit, whose new text is checked as a new post's would be (with the new title of an opening post).
    /// </summary>
    public async Task<SafetyReview> ReviewInThreadAsync(ForumThread thread, string? title, string body, bool postAnyway, CancellationToken cancellationToken)
    {
        var membersOnly = thread.Audience == ThreadAudience.Members
            || await db.Topics.AsNoTracking().AnyAsync(t => t.Id == thread.TopicId && t.MembersOnly, cancellationToken);
        return check.Review(title, body, membersOnly, postAnyway);
    }

    /// <summary>
    /// Marks a post about to be saved as the review says: held, and the kinds its author posted anyway. A new thread's
    /// opening post comes with its <paramref name="thread"/>, which a held opening post hides.
    /// </summary>
    public static void Apply(Post post, ForumThread? thread, SafetyReview review)
    {
        post.PostedAnywayKinds = review.PostedAnywayKinds;
        if (review.Hold)
        {
            post.NeverPublished = true;
            post.State = PostState.Held;
            if (thread is not null)
            {
                // The thread is hidden while its opening post is (as for a post moderators hid): out of every list.
                thread.IsHidden = true;
            }
        }
    }

    /// <summary>
    /// Marks a post (loaded with its thread) whose author has just edited its text as the review of the new text says.
    /// A held edit takes the post out of view until a moderator approves it; the public may have read the post
    /// before, so it is not marked as never published.
    /// </summary>
    public static void ApplyToEdit(Post post, SafetyReview review)
    {
        post.PostedAnywayKinds = review.PostedAnywayKinds;
        if (review.Hold)
        {
            post.State = PostState.Held;
            if (post.IsOpening)
            {
                post.Thread!.IsHidden = true;
            }
        }
    }

    /// <summary>Raises the flag of <paramref name="review"/> on <paramref name="post"/> (saved, so it has an id); nothing when the post needs none.</summary>
    public async Task RaiseAsync(Post post, SafetyReview review, CancellationToken cancellationToken)
    {
        if (!review.Crisis && !review.Hold)
        {
            return;
        }
        // One open flag per reporter and post (a unique index): a post both held and in crisis gets one, urgent, naming both.
        // An edit of a post whose automatic flag is still open renews that flag with what the new text raised.
        var reporterId = await SafetyReporter.IdAsync(db, cancellationToken);
        var flag = await db.Flags.SingleOrDefaultAsync(f => f.PostId == post.Id && f.FlaggerId == reporterId && f.IsOpen, cancellationToken);
        if (flag is null)
        {
            flag = new Flag { PostId = post.Id, FlaggerId = reporterId };
            db.Flags.Add(flag);
        }
        flag.Reason = review.Crisis || flag.Reason == FlagReason.SelfHarm ? FlagReason.SelfHarm : FlagReason.PersonalInformation;
        flag.Note = Note(review);
        flag.CreatedAt = clock.GetUtcNow().UtcDateTime;
        if (review.Crisis)
        {
            await mail.AddUrgentAlertAsync(post, automatic: true, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        if (review.Crisis)
        {
            mail.Wake();
        }
        await changes.ModerationQueueChangedAsync(cancellationToken);
    }

    /// <summary>Why the post is in the queue, in words; kinds only, never the text that was found.</summary>
    public static string Note(SafetyReview review)
    {
        var parts = new List<string>();
        if (review.Crisis)
        {
            parts.Add("Raised automatically: the crisis-language check found self-harm language when this was posted.");
        }
        if (review.HeldKinds.Count > 0)
        {
            parts.Add("Held for review: posted anyway past the warning about " + string.Join(", ", review.HeldKinds.Select(PostingSafetyCheck.Label)) + ".");
        }
        else if (review.Crisis && review.HoldCrisis)
        {
            parts.Add("Held for review (Forum:Safety:HoldCrisisPosts).");
        }
        return string.Join(' ', parts);
    }
}
