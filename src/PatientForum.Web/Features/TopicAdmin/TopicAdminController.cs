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
/// Admins rename, describe and reorder topics and choose whether members may post under an alias in them. Each change
/// is in the audit log, and seeding from seed/topics.json leaves a changed topic as the admin left it.
/// </summary>
[Authorize(Policy = ForumPolicies.Admin)]
[Route("admin/topics")]
public sealed class TopicAdminController(ForumDbContext db, ModerationService moderation, PageCache pages, UserManager<ForumUser> users, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? saved, CancellationToken cancellationToken) =>
        View(new TopicAdminPage(await RowsAsync(null, cancellationToken), saved is null ? null : "Topic saved."));

    [HttpPost("{slug}")]
    public async Task<IActionResult> Save([FromRoute] string slug, TopicForm form, CancellationToken cancellationToken)
    {
        var topic = await db.Topics.SingleOrDefaultAsync(t => t.Slug == slug, cancellationToken);
        if (topic is null)
        {
            return NotFound();
        }
        var (name, description) = (ForumText.Line(form.Name), (form.Description ?? "").Trim());
        var newSlug = string.IsNullOrWhiteSpace(form.Slug) ? topic.Slug : form.Slug.Trim();
        var checkedForm = new TopicForm { Name = name, Description = description, AllowAliases = form.AllowAliases };
        var problems = new List<ValidationResult>();
        Validator.TryValidateObject(checkedForm, new ValidationContext(checkedForm), problems, validateAllProperties: true);
        if (newSlug != topic.Slug && await TopicSlugs.ProblemAsync(db, newSlug, topic.Id, cancellationToken) is { } slugProblem)
        {
            problems.Add(new ValidationResult(slugProblem, [nameof(TopicForm.Slug)]));
        }
        if (problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            var typed = new TopicRow(topic.Id, topic.Slug, form.Name ?? "", form.Description ?? "", form.AllowAliases, topic.MembersOnly, 0,
                problems.ToDictionary(p => p.MemberNames.First(), p => p.ErrorMessage ?? "")) { TypedSlug = form.Slug };
            return View("Index", new TopicAdminPage(await RowsAsync(typed, cancellationToken), null));
        }
        var changes = new List<string>();
        if (newSlug != topic.Slug)
        {
            changes.Add($"address: /t/{topic.Slug} → /t/{newSlug}");
            await TopicSlugs.MoveAsync(db, topic, newSlug, clock.GetUtcNow().UtcDateTime, cancellationToken);
        }
        if (topic.Name != name)
        {
            changes.Add($"name: {topic.Name} → {name}");
        }
        if (topic.Description != description)
        {
            changes.Add("description changed");
        }
        if (topic.AllowAliases != form.AllowAliases)
        {
            changes.Add(form.AllowAliases ? "aliases allowed" : "aliases not allowed");
        }
        if (changes.Count > 0)
        {
            (topic.Name, topic.Description, topic.AllowAliases, topic.ChangedByAdmin) = (name, description, form.AllowAliases, true);
            await SaveAsync(topic, string.Join("; ", changes));
        }
        return LocalRedirect(ForumUrls.AdminTopics + "?saved=1");
    }

    /// <summary>Moves a topic one place up or down the forum's list, trading places with its neighbour.</summary>
    [HttpPost("{slug}/move")]
    public async Task<IActionResult> Move([FromRoute] string slug, string? direction, CancellationToken cancellationToken)
    {
        var ordered = await db.Topics.OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        var index = ordered.FindIndex(t => t.Slug == slug);
        if (index < 0 || direction is not ("up" or "down"))
        {
            return NotFound();
        }
        var other = direction == "up" ? index - 1 : index + 1;
        if (other >= 0 && other < ordered.Count)
        {
            (ordered[index], ordered[other]) = (ordered[other], ordered[index]);
            for (var i = 0; i < ordered.Count; i++)
            {
                // Every topic gets its place written down, so a later seeding cannot put a reordered list back.
                (ordered[i].SortOrder, ordered[i].ChangedByAdmin) = (i + 1, true);
            }
            await SaveAsync(ordered[other], $"moved {direction} to place {other + 1}");
        }
        return LocalRedirect(ForumUrls.AdminTopics + "?saved=1");
    }

    private Task SaveAsync(Topic topic, string details) =>
        TopicChanges.SaveAsync(db, moderation, pages, users.GetUserId(User)!, topic.Slug, details);

    private Task<IReadOnlyList<TopicRow>> RowsAsync(TopicRow? typed, CancellationToken cancellationToken) => TopicChanges.RowsAsync(db, typed, cancellationToken);
}
