using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using PatientForum.Web.Infrastructure.Text;

namespace PatientForum.Web.Features.Contact;

/// <summary>The contact page, open to everyone. Spam is held off by a honeypot, a minimum fill time and a per-IP limit.</summary>
public sealed class ContactController(
    ContactService contact, IDataProtectionProvider protection, IOptions<ContactOptions> options, TimeProvider clock) : Controller
{
    public const string RateLimitPolicy = "contact";

    private readonly IDataProtector _protector = protection.CreateProtector("PatientForum.Contact.Started");

    [HttpGet("/contact")]
    public IActionResult Index() => View(new ContactForm { Started = StartedNow() });

    [HttpPost("/contact")]
    [EnableRateLimiting(RateLimitPolicy)]
    public async Task<IActionResult> Index(ContactForm form, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(form.Website))
        {
            // Only a bot fills the hidden field. It gets a page that looks like success and nothing is kept.
            return View("Thanks", "PF-RECEIVED");
        }
        if (ModelState.IsValid && FilledTooFast(form.Started))
        {
            ModelState.AddModelError("", "That was very quick. Please check your message, then send it again.");
        }
        if (!ModelState.IsValid)
        {
            form.Started = StartedNow();
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(form);
        }

        var reference = await contact.SubmitAsync(
            form.Name!.Trim(), form.Email!.Trim(), form.Subject!.Value, ForumText.Body(form.Message), cancellationToken);
        return RedirectToAction(nameof(Thanks), new { reference });
    }

    [HttpGet("/contact/thanks/{reference}")]
    public IActionResult Thanks(string reference) => View("Thanks", reference);

    private string StartedNow() => _protector.Protect(clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));

    private bool FilledTooFast(string? started)
    {
        if (options.Value.MinimumFillSeconds == 0)
        {
            return false;
        }
        try
        {
            var ticks = long.Parse(_protector.Unprotect(started ?? ""), CultureInfo.InvariantCulture);
            return clock.GetUtcNow().UtcTicks - ticks < TimeSpan.FromSeconds(options.Value.MinimumFillSeconds).Ticks;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            // No valid start time: a tampered or ancient form. Show it again with a fresh one.
            return true;
        }
    }
}
