using System.ComponentModel.DataAnnotations;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Contact;

public sealed class ContactForm : IValidatableObject
{
    [Required(ErrorMessage = "Tell us your name.")]
    [StringLength(100, ErrorMessage = "Keep your name to 100 characters.")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Enter your email address, so we can answer.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address, like name@example.org.")]
    [StringLength(254, ErrorMessage = "An email address can be at most 254 characters.")]
    [Display(Name = "Email address")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Choose what your message is about.")]
    public ContactSubject? Subject { get; set; }

    [Required(ErrorMessage = "Write your message.")]
    [StringLength(5000, MinimumLength = 10, ErrorMessage = "Your message needs 10 to 5,000 characters.")]
    public string? Message { get; set; }

    /// <summary>The honeypot: hidden from people, so only a bot fills it in.</summary>
    public string? Website { get; set; }

    /// <summary>When the form was shown, protected so it cannot be forged.</summary>
    public string? Started { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // A line break in a name or address could start a new mail header; refuse it outright.
        if (ContainsLineBreak(Name))
        {
            yield return new ValidationResult("Your name cannot contain line breaks.", [nameof(Name)]);
        }
        if (ContainsLineBreak(Email) || (Email is not null && !MimeKit.MailboxAddress.TryParse(Email, out _)))
        {
            yield return new ValidationResult("Enter a valid email address, like name@example.org.", [nameof(Email)]);
        }
    }

    private static bool ContainsLineBreak(string? value) => value is not null && value.AsSpan().IndexOfAny('\r', '\n') >= 0;
}

public static class ContactSubjects
{
    public static IReadOnlyList<(ContactSubject Subject, string Label)> All { get; } =
    [
        (ContactSubject.Question, "A question"),
        (ContactSubject.Problem, "Report a problem"),
        (ContactSubject.Privacy, "Privacy or data request"),
        (ContactSubject.Other, "Something else"),
    ];

    public static string Label(ContactSubject subject) => All.First(s => s.Subject == subject).Label;
}
