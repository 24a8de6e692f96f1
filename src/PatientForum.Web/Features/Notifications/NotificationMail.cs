using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;
using PatientForum.Web.Features.ContentWarnings;
using PatientForum.Web.Infrastructure.Email;
using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Web.Features.Notifications;

/// <summary>A notification on its way into a mail, with what the mail may show of it.</summary>
public sealed record MailedNotification(
    long Id, NotificationKind Kind, string ThreadTitle, string? ActorName, string? Reason, string PostMarkdown, string? ContentWarnings = null);

/// <summary>
/// Writes notification mail. By default (<see cref="NotificationOptions.MinimalMail"/>) it says only how many
/// notifications wait, with a link; otherwise it names the thread and who wrote, and quotes the post only for members who
/// opted in. Every mail links to the member's mail settings and carries a one-click unsubscribe for its kind.
/// </summary>
public sealed class NotificationMail(
    UnsubscribeLinks unsubscribe, IOptions<NotificationOptions> options, IOptions<ForumOptions> forum, ContentWarningCatalog warnings)
{
    private const int QuoteLength = 500;

    public OutgoingEmail Compose(string to, string memberId, MailKind kind, bool summary, bool includeText, IReadOnlyList<MailedNotification> items)
    {
        var unsubscribeUrl = Link(ForumUrls.Unsubscribe(unsubscribe.Token(memberId, kind)));
        var body = new StringBuilder();
        string subject;
        if (options.Value.MinimalMail)
        {
            subject = Count(kind, items.Count);
            body.AppendLine(CultureInfo.InvariantCulture, $"{subject}.").AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Read them on the forum: {Link(ForumUrls.Notifications)}");
        }
        else
        {
            subject = Subject(kind, summary, items);
            body.AppendLine(summary ? "Since your last summary:" : "New on the forum:").AppendLine();
            foreach (var item in items)
            {
                body.AppendLine(CultureInfo.InvariantCulture, $"- {Line(item)}").AppendLine(CultureInfo.InvariantCulture, $"  {Link(ForumUrls.OpenNotification(item.Id))}");
                if (includeText && item.Kind is NotificationKind.Reply or NotificationKind.NewThread or NotificationKind.Mention or NotificationKind.Quote)
                {
                    body.AppendLine().AppendLine(PostExcerpts.ExcerptOr(warnings, item.ContentWarnings, () => Quote(item.PostMarkdown)));
                }
            }
        }
        body.AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Choose which mail you get: {Link(ForumUrls.NotificationSettings)}")
            .AppendLine(CultureInfo.InvariantCulture, $"Stop this kind of mail: {unsubscribeUrl}");
        return new OutgoingEmail(to, subject, body.ToString(), UnsubscribeUrl: unsubscribeUrl);
    }

    private static string Count(MailKind kind, int count) => kind switch
    {
        MailKind.Replies => count == 1 ? "You have 1 new reply" : $"You have {count} new replies",
        MailKind.Mentions => count == 1 ? "Someone mentioned or quoted you" : $"You were mentioned or quoted {count} times",
        _ => count == 1 ? "A moderator acted on one of your posts" : $"Moderators acted on {count} of your posts",
    };

    private static string Subject(MailKind kind, bool summary, IReadOnlyList<MailedNotification> items)
    {
        var threads = items.Select(i => i.ThreadTitle).Distinct().Count();
        var where = threads == 1 ? $"“{items[0].ThreadTitle}”" : $"{threads} threads";
        return kind switch
        {
            MailKind.Replies when summary => $"Your summary: {items.Count} new {(items.Count == 1 ? "reply" : "replies")} in {where}",
            MailKind.Replies => $"New {(items.Count == 1 ? "reply" : "replies")} in {where}",
            MailKind.Mentions => items.Count == 1 ? $"{items[0].ActorName ?? "Someone"} mentioned you in {where}" : $"You were mentioned in {where}",
            _ => $"A moderator acted on your post in {where}",
        };
    }

    private static string Line(MailedNotification item) =>
        new NotificationEntry(item.Id, item.Kind, 1, item.ThreadTitle, item.ActorName, item.Reason, default, true).Summary
        + $" “{item.ThreadTitle}”" + (item.Reason is null ? "" : $" (reason: {item.Reason})");

    private static string Quote(string markdown)
    {
        var text = markdown.Length > QuoteLength ? markdown[..QuoteLength] + "…" : markdown;
        return string.Join(Environment.NewLine, text.Split('\n').Select(line => "  > " + line.TrimEnd('\r')));
    }

    private string Link(string path) => ForumUrls.Absolute(forum.Value.PublicUrl, path);
}
