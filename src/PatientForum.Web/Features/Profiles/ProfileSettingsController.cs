using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Infrastructure.Html;
using PatientForum.Web.Infrastructure.Text;

namespace PatientForum.Web.Features.Profiles;

/// <summary>
/// The member's own profile settings: "About me" and "My conditions and treatments", each with who may read it. Saving
/// puts words in public view like a post does, so it takes what posting takes: a confirmed address and no suspension.
/// </summary>
[Authorize(Policy = ForumPolicies.CanPost)]
public sealed class ProfileSettingsController(ForumDbContext db, IPostRenderer renderer, ProfileEditLimits limits, TimeProvider clock) : Controller
{
    [HttpGet("/account/profile")]
    public async Task<IActionResult> Edit(bool saved = false, CancellationToken cancellationToken = default)
    {
        var profile = await db.MemberProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == MemberId, cancellationToken);
        var form = profile is null ? new ProfileSettingsForm() : new ProfileSettingsForm
        {
            About = profile.AboutMarkdown,
            AboutVisibility = profile.AboutVisibility,
            Conditions = profile.Conditions,
            ConditionsVisibility = profile.ConditionsVisibility,
        };
        return View(new ProfileSettingsPage(DisplayName, form, saved));
    }

    [HttpPost("/account/profile")]
    public async Task<IActionResult> Edit(ProfileSettingsForm form, CancellationToken cancellationToken)
    {
        // What the member wrote comes back to them as they wrote it (only cleaned), whatever is wrong with it.
        form = form with { About = ForumText.Body(form.About), Conditions = ForumText.Body(form.Conditions) };
        var lines = ProfileRules.Lines(form.Conditions);
        AddProblem(nameof(form.About), ProfileRules.AboutProblem(form.About!));
        AddProblem(nameof(form.AboutVisibility), ProfileRules.VisibilityProblem(form.AboutVisibility));
        AddProblem(nameof(form.Conditions), ProfileRules.ConditionsProblem(lines));
        AddProblem(nameof(form.ConditionsVisibility), ProfileRules.VisibilityProblem(form.ConditionsVisibility));
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(new ProfileSettingsPage(DisplayName, form));
        }
        if (await limits.TakeAsync(MemberId, cancellationToken) is { } wait)
        {
            var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
            ModelState.AddModelError("", $"You have saved your profile many times in the last hour. You can save it again in {minutes} minute{(minutes == 1 ? "" : "s")}.");
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return View(new ProfileSettingsPage(DisplayName, form));
        }
        await SaveAsync(form, lines, cancellationToken);
        return Redirect(ForumUrls.ProfileSettings + "?saved=true");
    }

    private async Task SaveAsync(ProfileSettingsForm form, IReadOnlyList<string> lines, CancellationToken cancellationToken, bool again = false)
    {
        var profile = await db.MemberProfiles.SingleOrDefaultAsync(p => p.UserId == MemberId, cancellationToken);
        if (profile is null)
        {
            profile = new MemberProfile { UserId = MemberId };
            db.MemberProfiles.Add(profile);
        }
        profile.AboutMarkdown = form.About!;
        profile.AboutHtml = form.About!.Length == 0 ? "" : renderer.Render(form.About);
        profile.AboutVisibility = form.AboutVisibility;
        profile.Conditions = string.Join('\n', lines);
        profile.ConditionsVisibility = form.ConditionsVisibility;
        profile.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (!again && db.Entry(profile).State == EntityState.Added)
        {
            // The member's first save raced another from a second tab: the other made the row, so this one updates it.
            db.ChangeTracker.Clear();
            await SaveAsync(form, lines, cancellationToken, again: true);
        }
    }

    private void AddProblem(string field, string? problem)
    {
        if (problem is not null)
        {
            ModelState.AddModelError(field, problem);
        }
    }

    private string MemberId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private string DisplayName => ForumClaims.DisplayNameOf(User) ?? "";
}
