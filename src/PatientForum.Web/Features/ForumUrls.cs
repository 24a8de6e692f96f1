using System.Globalization;

namespace PatientForum.Web.Features;

/// <summary>
/// Every public address the forum links to, built in one place: views, controllers' redirects and mailed links use
/// these instead of writing paths by hand, so a route changes here and in its controller's attribute, nowhere else.
/// Ids are numbers and slugs are made by <c>Slug.From</c>; free text (a return URL, a search) is escaped here.
/// </summary>
public static class ForumUrls
{
    public const string Home = "/";
    public const string Guide = "/guide";
    public const string Search = "/search";
    public const string Contact = "/contact";

    public const string SignIn = "/account/login";
    public const string Register = "/account/register";
    public const string SignOut = "/account/logout";
    public const string ForgotPassword = "/account/forgot-password";
    public const string ResetPassword = "/account/reset-password";
    public const string ResendConfirmation = "/account/resend-confirmation";
    public const string TwoFactor = "/account/two-factor";
    public const string ConfirmEmail = "/account/confirm";

    public const string ModerationQueue = "/moderation";

    /// <summary>The queue's list of posts whose authors posted anyway past a personal-information warning.</summary>
    public const string PostedAnyway = "/moderation?show=posted-anyway";

    /// <summary>The composer's personal-information check (JSON), and the crisis resources an author is shown once after posting.</summary>
    public const string SafetyCheck = "/posting/check";
    public const string CrisisSupport = "/posting/support";
    public const string AuditLog = "/moderation/log";
    public const string ContactInbox = "/moderation/contact";
    public const string OtherTreatments = "/moderation/treatments";
    public const string Moderators = "/admin/moderators";
    public const string AdminSettings = "/admin/settings";
    public const string AdminTopics = "/admin/topics";

    public const string Notifications = "/notifications";
    public const string NotificationsReadAll = "/notifications/read-all";
    public const string NotificationSettings = "/account/notifications";
    public const string ProfileSettings = "/account/profile";
    public const string DeleteAccount = "/account/delete";
    public const string AccountDeleted = "/account/deleted";
    public const string DataExport = "/account/export";

    /// <summary>A finished export's file; the id is random, and the download checks who asks all the same.</summary>
    public static string ExportDownload(Guid exportId) => $"{DataExport}/{exportId:D}/download";

    /// <summary>An admin's page for exporting a member's data on their behalf.</summary>
    public static string AdminExport(string userId) => $"/admin/users/{Uri.EscapeDataString(userId)}/export";

    public const string AccountSettings = "/account";
    public const string NameSettings = "/account/name";
    public const string EmailSettings = "/account/email";
    public const string ConfirmEmailChange = "/account/email/confirm";
    public const string PasswordSettings = "/account/password";
    public const string SecurityActivity = "/account/activity";

    /// <summary>The link mailed to a new address; the code is already URL-safe (Base64Url), the address is escaped.</summary>
    public static string ConfirmEmailChangeWith(string userId, string email, string code) =>
        $"{ConfirmEmailChange}?userId={Uri.EscapeDataString(userId)}&email={Uri.EscapeDataString(email)}&code={Uri.EscapeDataString(code)}";

    /// <summary>
    /// A member's public profile, by display name (looked up as names are compared, so any spelling that is the same
    /// name finds it). The name may hold spaces and any letters, so it is escaped.
    /// </summary>
    public static string Profile(string displayName) => $"/u/{Uri.EscapeDataString(displayName)}";

    /// <summary>An alias's page (its posts in its topic), by the number in its name.</summary>
    public static string Alias(int number) => Invariant($"/a/{number}");

    /// <summary>One-click unsubscribe; the token is signed and says whom and what it stops.</summary>
    public static string Unsubscribe(string token) => $"/notifications/unsubscribe?token={Uri.EscapeDataString(token)}";

    /// <summary>The home page's latest threads, of every topic or only <paramref name="topicSlug"/>'s; page 1 has no page number.</summary>
    public static string Latest(string? topicSlug, int page = 1)
    {
        var query = new List<string>(2);
        if (!string.IsNullOrEmpty(topicSlug))
        {
            query.Add($"topic={Uri.EscapeDataString(topicSlug)}");
        }
        if (page > 1)
        {
            query.Add(Invariant($"page={page}"));
        }
        return query.Count == 0 ? Home : $"{Home}?{string.Join('&', query)}";
    }

    public static string Topic(string slug) => $"/t/{Uri.EscapeDataString(slug)}";

    /// <summary>A topic's page of threads; page 1 has no page number.</summary>
    public static string Topic(string slug, int page) => page <= 1 ? Topic(slug) : Invariant($"{Topic(slug)}?page={page}");

    /// <summary>The latest public threads of the whole forum, as a feed (<c>rss</c> or <c>atom</c>).</summary>
    public static string SiteFeed(FeedFormat format) => $"/feed.{format.Extension()}";

    public static string TopicFeed(string slug, FeedFormat format) => $"{Topic(slug)}/feed.{format.Extension()}";

    /// <summary>A thread's replies, as a feed.</summary>
    public static string ThreadFeed(int id, FeedFormat format) => Invariant($"/threads/{id}/feed.{format.Extension()}");

    /// <summary>A member's public posts, as a feed.</summary>
    public static string ProfileFeed(string displayName, FeedFormat format) => $"{Profile(displayName)}/feed.{format.Extension()}";

    public const string Robots = "/robots.txt";

    /// <summary>The sitemap index, which lists the sitemap files below.</summary>
    public const string Sitemap = "/sitemap.xml";

    /// <summary>The sitemap of the pages that are not threads: home, the guide, the topics.</summary>
    public const string PagesSitemap = "/sitemaps/pages.xml";

    /// <summary>The <paramref name="number"/>th sitemap file of threads, counting from 1.</summary>
    public static string ThreadsSitemap(int number) => Invariant($"/sitemaps/threads-{number}.xml");

    public static string NewThread(string topicSlug) => $"{Topic(topicSlug)}/new";

    /// <summary>A thread's canonical address; page 1 has no page number.</summary>
    public static string Thread(int id, string slug, int page = 1) =>
        page <= 1 ? Invariant($"/threads/{id}/{slug}") : Invariant($"/threads/{id}/{slug}?page={page}");

    /// <summary>A post where it is shown: its thread's page and the post's anchor.</summary>
    public static string PostOnPage(int threadId, string threadSlug, int page, int postId) =>
        Thread(threadId, threadSlug, page) + PostAnchor(postId);

    private static string PostAnchor(int postId) => Invariant($"#post-{postId}");

    /// <summary>A post's permanent link, which redirects to the page that shows it.</summary>
    public static string Post(int postId) => Invariant($"/posts/{postId}");

    /// <summary>A thread by id alone, which redirects to its canonical address.</summary>
    public static string Thread(int id) => Invariant($"/threads/{id}");

    public static string Reply(int threadId) => Invariant($"/threads/{threadId}/reply");

    /// <summary>A treatment story's "How is it now?" form, where its follow-up prompts lead.</summary>
    public static string FollowUp(int threadId) => Invariant($"/threads/{threadId}/follow-up");

    /// <summary>Where its author or a moderator changes who may read a thread.</summary>
    public static string ThreadAudience(int threadId) => Invariant($"/threads/{threadId}/audience");

    public static string EditPost(int postId) => Post(postId) + "/edit";

    public static string PostHistory(int postId) => Post(postId) + "/history";

    public static string PurgePostHistory(int postId) => PostHistory(postId) + "/purge";

    /// <summary>The author deletes their post (undoable for a while); <see cref="UndeletePost"/> takes it back.</summary>
    public static string DeletePost(int postId) => Post(postId) + "/delete";

    public static string UndeletePost(int postId) => Post(postId) + "/undelete";

    public static string FlagPost(int postId) => Post(postId) + "/flag";

    /// <summary>Toggles the viewer's reaction of one kind (helpful, me-too, support) to the post.</summary>
    public static string React(int postId, string kindSlug) => Post(postId) + "/reactions/" + kindSlug;

    /// <summary>The link in a confirmation mail; the code is already URL-safe (Base64Url).</summary>
    public static string ConfirmEmailWith(string userId, string code) =>
        $"{ConfirmEmail}?userId={Uri.EscapeDataString(userId)}&code={Uri.EscapeDataString(code)}";

    /// <summary>The link in a password-reset mail; the code is already URL-safe (Base64Url).</summary>
    public static string ResetPasswordWith(string code) => $"{ResetPassword}?code={Uri.EscapeDataString(code)}";

    /// <summary>
    /// An absolute address for mail and anything else read outside the site, always on Forum:PublicUrl. Never built
    /// from the request: its Host header is the client's to choose, and a reset link on an attacker's host would
    /// hand them the code (password-reset poisoning).
    /// </summary>
    public static string Absolute(string publicUrl, string path) => publicUrl.TrimEnd('/') + path;

    public static string SignInThenReturnTo(string returnUrl) => $"{SignIn}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    public static string ContactMessage(int submissionId) => Invariant($"{ContactInbox}#contact-{submissionId}");

    /// <summary>Opens a notification: marks it (and its group) read and goes to its post.</summary>
    public static string OpenNotification(long notificationId) => Invariant($"/notifications/{notificationId}");

    public static string WatchThread(int threadId) => Invariant($"/threads/{threadId}/watch");

    public static string WatchTopic(string topicSlug) => $"{Topic(topicSlug)}/watch";

    /// <summary>The first post of a thread that the signed-in member has not seen yet.</summary>
    public static string FirstUnread(int threadId) => Invariant($"/threads/{threadId}/unread");

    public static string ModeratePost(int postId) => Invariant($"/moderation/posts/{postId}");

    public static string ApprovePost(int postId) => ModeratePost(postId) + "/approve";

    public static string ModeratePostEdit(int postId) => ModeratePost(postId) + "/edit";

    public static string ModerateThread(int threadId) => Invariant($"/moderation/threads/{threadId}");

    public static string ModerateUser(string userId) => $"/moderation/users/{Uri.EscapeDataString(userId)}";

    private static string Invariant(FormattableString url) => url.ToString(CultureInfo.InvariantCulture);
}
