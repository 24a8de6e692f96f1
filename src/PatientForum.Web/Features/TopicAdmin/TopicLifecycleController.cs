using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Features.Moderation;
using PatientForum.Web.Infrastructure.Caching;
using PatientForum.Web.Infrastructure.Text;

namespace PatientForum.Web.Features.TopicAdmin;

/// <summary>
/// Admins add topics, and archive one whose threads have all been moved elsewhere (moderators move threads from each
/// thread's moderation page), or bring an archived one back. Each change is in the audit log.
/// </summary>
[Authorize(Policy = ForumPolicies.Admin)]
[Route("admin/topics")]
public sealed class TopicLifecycleController(ForumDbContext db, ModerationService moderation, PageCache pages, UserManager<ForumUser> users, TimeProvider clock) : Controller
{
    [HttpPost("new")]
    public async Task<IActionResult> Add(TopicForm form, CancellationToken cancellationToken)
    {
        var (name, description) = (ForumText.Line(form.Name), (form.Description ?? "").Trim());
        var slug = string.IsNullOrWhiteSpace(form.Slug) ? Slug.From(name) : form.Slug.Trim();
        var checkedForm = new TopicForm { Name = name, Description = description };
        var problems = new List<ValidationResult>();
        Validator.TryValidateObject(checkedForm, new ValidationContext(checkedForm), problems, validateAllProperties: true);
        if (name.Length > 0 && await TopicSlugs.ProblemAsync(db, slug, 0, cancellationToken) is { } slugProblem)
        {
            problems.Add(new ValidationResult(slugProblem, [nameof(TopicForm.Slug)]));
        }
        if (problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            var errors = problems.GroupBy(p => p.MemberNames.First()).ToDictionary(g => g.Key, g => g.First().ErrorMessage ?? "");
            return View("~/Features/TopicAdmin/Views/TopicAdmin/Index.cshtml", new TopicAdminPage(await TopicChanges.RowsAsync(db, null, cancellationToken), null)
            {
                NewTopic = new NewTopicForm(form.Name ?? "", form.Slug ?? "", form.Description ?? "", form.AllowAliases, form.MembersOnly, errors),
            });
        }
        var order = await db.Topics.MaxAsync(t => (int?)t.SortOrder, cancellationToken) ?? 0;
        var topic = new Topic
        {
            Slug = slug, Name = name, Description = description, AllowAliases = form.AllowAliases, MembersOnly = form.MembersOnly,
            SortOrder = order + 1, ChangedByAdmin = true,
        };
        db.Topics.Add(topic);
        await SaveAsync(slug, $"added{(form.MembersOnly ? ", members only" : "")}");
        return LocalRedirect(ForumUrls.AdminTopics + "?saved=1");
    }

    /// <summary>Archives a topic with no threads left; one that still has threads is refused with how many to move first.</summary>
    [HttpPost("{slug}/archive")]
    public async Task<IActionResult> Archive([FromRoute] string slug, CancellationToken cancellationToken)
    {
        var topic = await db.Topics.InUse().SingleOrDefaultAsync(t => t.Slug == slug, cancellationToken);
        if (topic is null)
        {
            return NotFound();
        }
        var threads = await db.Threads.CountAsync(t => t.TopicId == topic.Id, cancellationToken);
        if (threads > 0)
        {
            return MoveThreadsFirst(threads);
        }
        topic.ArchivedAt = clock.GetUtcNow().UtcDateTime;
        topic.ChangedByAdmin = true;
        await SaveAsync(slug, "archived");
        // A thread started in the moment between the count and the save would sit in a topic nobody can open: bring it back.
        if (await db.Threads.AnyAsync(t => t.TopicId == topic.Id, cancellationToken))
        {
            topic.ArchivedAt = null;
            await SaveAsync(slug, "restored: a thread arrived while it was archived");
            return MoveThreadsFirst(1);
        }
        return LocalRedirect(ForumUrls.AdminTopics + "?saved=1");
    }

    [HttpPost("{slug}/restore")]
    public async Task<IActionResult> Restore([FromRoute] string slug, CancellationToken cancellationToken)
    {
        var topic = await db.Topics.SingleOrDefaultAsync(t => t.Slug == slug && t.ArchivedAt != null, cancellationToken);
        if (topic is null)
        {
            return NotFound();
        }
        topic.ArchivedAt = null;
        await SaveAsync(slug, "restored");
        return LocalRedirect(ForumUrls.AdminTopics + "?saved=1");
    }

    private ViewResult MoveThreadsFirst(int threads)
    {
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View("Message", new MessagePage("Move its threads first",
            $"This topic still has {(threads == 1 ? "a thread" : $"{threads} threads")}. Move {(threads == 1 ? "it" : "them")} to another topic first (from each thread's moderation page), then archive it."));
    }

    private Task SaveAsync(string slug, string details) =>
        TopicChanges.SaveAsync(db, moderation, pages, users.GetUserId(User)!, slug, details);
}
