using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Aliases;
using PatientForum.Web.Features.Live;
using PatientForum.Web.Features.Notifications;
using PatientForum.Web.Features.Profiles;
using PatientForum.Web.Features.Safety;
using PatientForum.Web.Features.Threads;
using PatientForum.Web.Features.Treatments;
using PatientForum.Web.Infrastructure.Text;

namespace PatientForum.Web.Features.Posting;

/// <summary>
/// Where a saved post lives, for the redirect after posting; <paramref name="MentionLimit"/> is set when the post
/// mentions more members than are notified (see <see cref="Notifier.MentionLimitPassedAsync"/>).
/// </summary>
public sealed record SavedPost(int ThreadId, string ThreadSlug, int PostId, int? MentionLimit = null)
{
    /// <summary>The post has self-harm language: its author is shown the crisis resources once (see <see cref="PostingSafety"/>).</summary>
    public bool CrisisSupport { get; init; }
}

/// <summary>
/// Starts threads, posts replies and saves edits: the one place that decides whether a post is taken. It cleans the
/// text as it arrives from the form (<see cref="ForumText"/>), checks it and the member (<see cref="PostingChecks"/>),
/// renders the Markdown once, its mentions linked (<see cref="MentionLinks"/>), and keeps it beside the HTML, keeps
/// thread counters in step in the same save, and then makes the change seen (<see cref="ForumChanges"/>). What came
/// of it is a <see cref="PostingResult"/>.
/// </summary>
public sealed class PostingService(
    ForumDbContext db, MentionLinks renderer, PostingChecks checks, ForumChanges changes, Notifier notifier, PostingSafety safety, TimeProvider clock)
{
    /// <summary>
    /// Starts a thread read by <paramref name="audience"/> (the caller has applied the topic's own rule);
    /// <paramref name="postAnyway"/> is the author's answer to a personal-information warning.
    /// </summary>
    public async Task<PostingResult> StartThreadAsync(
        ClaimsPrincipal member, int topicId, ThreadAudience audience, string? title, string? body, Guid token, bool postAnyway, CancellationToken cancellationToken,
        AliasView? alias = null, string? contentWarnings = null, TreatmentValues? treatment = null, bool asStaff = false)
    {
        var text = new PostText(ForumText.Line(title), ForumText.Body(body));
        var authorId = alias?.UserId ?? MemberId(member);
        if (await FindSubmissionAsync(authorId, token, cancellationToken) is { } earlier)
        {
            return PostingResult.Done(text, earlier);
        }
        // The member is checked (suspension, limits) even when the post goes out under their alias.
        var poster = await PosterAsync(MemberId(member), cancellationToken);
        var review = safety.Review(text.Title, text.Body, audience == ThreadAudience.Members, postAnyway);
        if (await checks.CheckAsync(member, poster, PostKind.Thread, null, text, review, cancellationToken) is { } notSaved)
        {
            return notSaved;
        }
        var mentionLimit = await notifier.MentionLimitPassedAsync(text.Body, authorId, cancellationToken);
        var now = Now();
        var thread = new ForumThread
        {
            TopicId = topicId,
            Title = text.Title!,
            Slug = Slug.From(text.Title!),
            AuthorId = authorId,
            CreatedAt = now,
            LastActivityAt = now,
            Audience = audience,
        };
        var post = NewPost(authorId, text.Body, await renderer.RenderAsync(text.Body, cancellationToken), token, now);
        post.IsOpening = true;
        post.ContentWarnings = contentWarnings;
        post.AsStaff = WrittenAsStaff(member, alias, asStaff);
        thread.Posts.Add(post);
        PostingSafety.Apply(post, thread, review);
        db.Threads.Add(thread);
        if (treatment is not null)
        {
            // Saved with the thread in one SaveChanges, one transaction: never a thread without the record, nor the reverse.
            var record = new TreatmentRecord { Thread = thread, CreatedAt = now };
            treatment.ApplyTo(record);
            db.TreatmentRecords.Add(record);
        }
        notifier.PostSaving(post);
        var saved = await SaveOnceAsync(authorId, token, () => new SavedPost(thread.Id, thread.Slug, post.Id, mentionLimit), cancellationToken);
        notifier.Wake();
        saved = await RaiseSafetyFlagAsync(post, saved, review, cancellationToken);
        await changes.ThreadChangedAsync(saved.ThreadId, cancellationToken);
        return PostingResult.Done(text, saved);
    }

    /// <summary>
    /// Replies to <paramref name="thread"/>, which the member can see (the caller has checked). A
    /// <paramref name="followUp"/> of the thread's treatment record is saved with the reply, in the same transaction.
    /// </summary>
    public async Task<PostingResult> ReplyAsync(
        ClaimsPrincipal member, ForumThread thread, string? body, Guid token, bool postAnyway, CancellationToken cancellationToken, AliasView? alias = null,
        string? contentWarnings = null, TreatmentFollowUp? followUp = null, bool asStaff = false)
    {
        var text = new PostText(null, ForumText.Body(body));
        var authorId = alias?.UserId ?? MemberId(member);
        if (await FindSubmissionAsync(authorId, token, cancellationToken) is { } earlier)
        {
            return PostingResult.Done(text, earlier);
        }
        var poster = await PosterAsync(MemberId(member), cancellationToken);
        var review = await safety.ReviewInThreadAsync(thread, null, text.Body, postAnyway, cancellationToken);
        if (await checks.CheckAsync(member, poster, PostKind.Reply, thread, text, review, cancellationToken) is { } notSaved)
        {
            return notSaved;
        }
        var mentionLimit = await notifier.MentionLimitPassedAsync(text.Body, authorId, cancellationToken);
        var now = Now();
        var post = NewPost(authorId, text.Body, await renderer.RenderAsync(text.Body, cancellationToken), token, now);
        post.ThreadId = thread.Id;
        PostingSafety.Apply(post, null, review);
        post.ContentWarnings = contentWarnings;
        post.AsStaff = WrittenAsStaff(member, alias, asStaff);
        db.Posts.Add(post);
        if (followUp is not null)
        {
            followUp.Post = post;
            db.TreatmentFollowUps.Add(followUp);
        }
        notifier.PostSaving(post);
        try
        {
            // The counter is raised in the database, in the same transaction as the insert: a read-modify-write
            // of ReplyCount would lose counts when members reply at the same moment, and the thread's last
            // page would then go missing.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            if (post.State != PostState.Held)
            {
                // A held reply is counted when a moderator approves it: until then the thread shows no sign of it.
                await db.Threads.Where(t => t.Id == thread.Id).ExecuteUpdateAsync(set => set
                    .SetProperty(t => t.ReplyCount, t => t.ReplyCount + 1)
                    .SetProperty(t => t.LastActivityAt, now), cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException) when (token != Guid.Empty)
        {
            // Two submits of one form raced; the unique (author, token) index let one through. Answer with that one.
            db.ChangeTracker.Clear();
            var first = await FindSubmissionAsync(authorId, token, cancellationToken) ?? throw new InvalidOperationException("The reply could not be saved.");
            return PostingResult.Done(text, first);
        }
        notifier.Wake();
        await changes.PostAddedAsync(
            new PostView(post.Id, post.ThreadId, authorId, alias?.DisplayName ?? poster.DisplayName, post.Html, post.CreatedAt, null, false, post.State, false,
                AuthorBadge: post.AsStaff ? StaffBadges.Of(member) : null, ContentWarnings: post.ContentWarnings,
                IsFollowUp: followUp is not null),
            cancellationToken);
        return PostingResult.Done(text, await RaiseSafetyFlagAsync(post, new SavedPost(thread.Id, thread.Slug, post.Id, mentionLimit), review, cancellationToken));
    }

    /// <summary>
    /// Replaces the text of <paramref name="post"/> (loaded with its thread; the caller has checked the member is its
    /// author), keeping the old text as a revision. A new title, for an opening post, renames the thread too. New text
    /// goes through the same safety review as a new post (<paramref name="postAnyway"/> answers its warning): it may be
    /// held for review, and crisis language reaches the moderators and sends its author to the crisis resources.
    /// </summary>
    public async Task<PostingResult> EditAsync(
        ClaimsPrincipal member, Post post, string? title, string? body, bool postAnyway, CancellationToken cancellationToken, string? contentWarnings = null)
    {
        var text = new PostText(post.IsOpening ? ForumText.Line(title) : null, ForumText.Body(body));
        var poster = await PosterAsync(MemberId(member), cancellationToken);
        var thread = post.Thread!;
        var textChanged = post.Markdown != text.Body || (text.Title is not null && thread.Title != text.Title);
        // Only new text is checked: changing a post's warnings alone asks nothing its author has already answered.
        var review = textChanged ? await safety.ReviewInThreadAsync(thread, text.Title, text.Body, postAnyway, cancellationToken) : SafetyReview.None;
        if (await checks.CheckAsync(member, poster, PostKind.Edit, null, text, review, cancellationToken) is { } notSaved)
        {
            return notSaved;
        }
        var now = Now();
        if (post.Markdown != text.Body)
        {
            // The post's own author edits: an aliased post's revisions name the alias, never the member behind it.
            post.Revise(text.Body, await renderer.RenderAsync(text.Body, cancellationToken), post.AuthorId, now, byModerator: false);
        }
        // Warnings are not text: changing them makes no revision.
        post.ContentWarnings = contentWarnings;
        if (text.Title is not null && thread.Title != text.Title)
        {
            thread.Title = text.Title;
            thread.Slug = Slug.From(text.Title);
            post.EditedAt = now;
        }
        if (textChanged)
        {
            PostingSafety.ApplyToEdit(post, review);
        }
        await db.SaveChangesAsync(cancellationToken);
        await (review.Hold ? changes.PostVisibilityChangedAsync(post.Id, cancellationToken) : changes.PostUpdatedAsync(post.Id, cancellationToken));
        if (text.Title is not null)
        {
            await changes.ThreadChangedAsync(post.ThreadId, cancellationToken);
        }
        return PostingResult.Done(text, await RaiseSafetyFlagAsync(post, new SavedPost(post.ThreadId, thread.Slug, post.Id), review, cancellationToken));
    }

    /// <summary>
    /// Whether the post is written as staff: asked for, by a member who holds a staff role, and never under an alias
    /// (the badge would tie the alias to a known moderator).
    /// </summary>
    private static bool WrittenAsStaff(ClaimsPrincipal member, AliasView? alias, bool asked) =>
        asked && alias is null && StaffBadges.Of(member) is not null;

    private static string MemberId(ClaimsPrincipal member) =>
        member.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Only a signed-in member posts.");

    private Task<Poster> PosterAsync(string memberId, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking()
            .Where(u => u.Id == memberId)
            .Select(u => new Poster(u.Id, u.DisplayName, u.SuspendedUntil, u.SuspensionReason))
            .SingleAsync(cancellationToken);

    private static Post NewPost(string authorId, string body, string html, Guid token, DateTime now) => new()
    {
        AuthorId = authorId,
        Markdown = body,
        Html = html,
        CreatedAt = now,
        SubmissionToken = token == Guid.Empty ? null : token,
    };

    private async Task<SavedPost> SaveOnceAsync(string authorId, Guid token, Func<SavedPost> saved, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return saved();
        }
        catch (DbUpdateException) when (token != Guid.Empty)
        {
            // Two submits of one form raced; the unique (author, token) index let one through. Answer with that one.
            db.ChangeTracker.Clear();
            return await FindSubmissionAsync(authorId, token, cancellationToken) ?? throw new InvalidOperationException("The post could not be saved.");
        }
    }

    /// <summary>
    /// Puts the post just saved in the moderators' queue when the safety review says so. Not for an earlier submit
    /// of the same form, which answered instead (and was reviewed when it was saved).
    /// </summary>
    private async Task<SavedPost> RaiseSafetyFlagAsync(Post post, SavedPost saved, SafetyReview review, CancellationToken cancellationToken)
    {
        if (saved.PostId != post.Id)
        {
            return saved;
        }
        await safety.RaiseAsync(post, review, cancellationToken);
        return saved with { CrisisSupport = review.Crisis };
    }

    private async Task<SavedPost?> FindSubmissionAsync(string authorId, Guid token, CancellationToken cancellationToken)
    {
        if (token == Guid.Empty)
        {
            return null;
        }
        return await db.Posts.AsNoTracking()
            .Where(p => p.AuthorId == authorId && p.SubmissionToken == token)
            .Select(p => new SavedPost(p.ThreadId, p.Thread!.Slug, p.Id))
            .SingleOrDefaultAsync(cancellationToken);
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
