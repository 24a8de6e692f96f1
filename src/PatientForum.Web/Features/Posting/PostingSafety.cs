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

    /// <summary>The same for a reply to <paramref name="thread"/>, whose topic may make it members-only.</summary>
    public async Task<SafetyReview> ReviewReplyAsync(ForumThread thread, string body, bool postAnyway, CancellationToken cancellationToken)
    {
        var membersOnly = thread.Audience == ThreadAudience.Members
            || await db.Topics.AsNoTracking().AnyAsync(t => t.Id == thread.TopicId && t.MembersOnly, cancellationToken);
        return check.Review(null, body, membersOnly, postAnyway);
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
            post.State = PostState.Held;
            if (thread is not null)
            {
                // The thread is hidden while its opening post is (as for a post moderators hid): out of every list.
                thread.IsHidden = true;
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
        db.Flags.Add(new Flag
        {
            PostId = post.Id,
            FlaggerId = await SafetyReporter.IdAsync(db, cancellationToken),
            Reason = review.Crisis ? FlagReason.SelfHarm : FlagReason.PersonalInformation,
            Note = Note(review),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
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
