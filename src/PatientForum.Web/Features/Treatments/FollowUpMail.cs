using System.Text;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Notifications;
using PatientForum.Web.Infrastructure.Email;
using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Web.Features.Treatments;

/// <summary>
/// The prompt's mail: "How is your shoulder 3 months after PRP?" with a one-click link to the follow-up form. Under
/// <see cref="NotificationOptions.MinimalMail"/> (the default) it names neither the treatment nor the body area, which a
/// mail's subject would show to anyone who sees the inbox; only the link. It follows the member's setting for mail about
/// posts addressed to them (mentions and quotes), and its unsubscribe link stops that kind.
/// </summary>
public sealed class FollowUpMail(UnsubscribeLinks unsubscribe, IOptions<NotificationOptions> notifications, IOptions<ForumOptions> forum)
{
    public OutgoingEmail Compose(string to, string memberId, int threadId, string areaLabel, BodyArea area, string treatmentName, int days)
    {
        var subject = notifications.Value.MinimalMail ? "How is it now? Time for a follow-up on your story" : Question(areaLabel, area, treatmentName, days);
        var unsubscribeUrl = Link(ForumUrls.Unsubscribe(unsubscribe.Token(memberId, MailKind.Mentions)));
        var body = new StringBuilder()
            .AppendLine(subject).AppendLine()
            .AppendLine("Add a follow-up: your pain now and a short note. It is posted as a reply in your thread and counted, anonymously, in the treatment's chart of pain over time.")
            .AppendLine(Link(TreatmentUrls.FollowUp(threadId))).AppendLine()
            .AppendLine("No more reminders for this story: choose \"Stop the reminders\" under its treatment details.")
            .AppendLine("Choose which mail you get: " + Link(ForumUrls.NotificationSettings))
            .AppendLine("Stop this kind of mail: " + unsubscribeUrl);
        return new OutgoingEmail(to, subject, body.ToString(), UnsubscribeUrl: unsubscribeUrl);
    }

    /// <summary>"How is your shoulder 3 months after platelet-rich plasma (PRP)?"; "How are you …" for several places or somewhere else.</summary>
    public static string Question(string areaLabel, BodyArea area, string treatmentName, int days)
    {
        var who = area == BodyArea.Other ? "are you" : "is your " + areaLabel.ToLowerInvariant();
        // "Platelet-rich plasma" reads as a common noun mid-sentence; a name that starts with an acronym ("PRP") keeps its capitals.
        var name = treatmentName.Length > 1 && char.IsUpper(treatmentName[0]) && char.IsLower(treatmentName[1])
            ? char.ToLowerInvariant(treatmentName[0]) + treatmentName[1..]
            : treatmentName;
        return $"How {who} {FollowUpPoints.Label(days)} after {name}?";
    }

    private string Link(string path) => ForumUrls.Absolute(forum.Value.PublicUrl, path);
}
