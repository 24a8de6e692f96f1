using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;

namespace PatientForum.Web.Features.Treatments;

/// <summary>The moderators' page of treatments members named under "Other treatment", each with its mapping form.</summary>
public sealed record OtherTreatmentsPage(
    IReadOnlyList<OtherTreatmentGroup> Groups, IReadOnlyList<(string Slug, string Name)> Targets, string? Message, string? Error = null, string? ErrorText = null);

/// <summary>One mapping as posted: the members' words and the treatment they mean.</summary>
public sealed class OtherTreatmentForm
{
    public string? Text { get; set; }
    public string? Treatment { get; set; }
}

/// <summary>Moderators map "Other treatment" stories to a listed treatment, so they count in its charts.</summary>
[Authorize(Policy = ForumPolicies.Moderator)]
public sealed class OtherTreatmentsController(OtherTreatmentMapping mapping, UserManager<ForumUser> users) : Controller
{
    public const string Path = ForumUrls.OtherTreatments;

    [HttpGet(Path)]
    public async Task<IActionResult> Index(int? mapped, CancellationToken cancellationToken) =>
        View(await PageAsync(mapped switch
        {
            null => null,
            0 => "Nothing was left to map under those words.",
            1 => "1 story mapped.",
            _ => $"{mapped} stories mapped.",
        }, cancellationToken));

    [HttpPost(Path)]
    public async Task<IActionResult> Map(OtherTreatmentForm form, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(form.Text))
        {
            return BadRequest("Say which words to map.");
        }
        var moved = string.IsNullOrWhiteSpace(form.Treatment)
            ? null
            : await mapping.MapAsync(form.Text, form.Treatment, users.GetUserId(User)!, cancellationToken);
        if (moved is not { } count)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Index", await PageAsync(null, cancellationToken) with
            {
                Error = "Choose the listed treatment these stories should count under.",
                ErrorText = form.Text,
            });
        }
        return Redirect($"{Path}?mapped={count}");
    }

    private async Task<OtherTreatmentsPage> PageAsync(string? message, CancellationToken cancellationToken) =>
        new(await mapping.GroupsAsync(cancellationToken), await mapping.TargetsAsync(cancellationToken), message);
}
