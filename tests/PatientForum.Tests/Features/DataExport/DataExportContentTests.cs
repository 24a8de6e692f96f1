using System.Net;
using PatientForum.Tests.Features.Contact;
using PatientForum.Tests.Features.Drafts;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using static PatientForum.Tests.Features.DataExport.Exporting;

namespace PatientForum.Tests.Features.DataExport;

/// <summary>
/// A member who has written, edited, reacted, flagged, been moderated and left a draft asks for their data; the ZIP from
/// the mailed link holds all of it, field by field, and nothing another member wrote.
/// </summary>
public sealed class DataExportContentTests
{
    [Fact]
    public async Task Export_OfAnActiveMember_HoldsEverythingTheyGave_AndNothingOthersWrote()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        using var forum = new ContactForum(smtp);
        var member = await Staff.MemberAsync(forum);
        var other = await Staff.MemberAsync(forum);
        var moderator = await Staff.ModeratorAsync(forum);
        var words = new Words();

        // Another member's thread, which the member replies in, then edits the reply; a moderator hides it.
        var otherPath = await Compose.StartThreadPathAsync(other, "rehab", words.OtherTitle, words.OtherOpening);
        var otherOpeningId = await ModerationState.OpeningPostIdAsync(other.Client, otherPath);
        var replied = await Compose.ReplyAsync(member, otherPath, words.FirstReply);
        var replyId = int.Parse(replied.Document.QuerySelectorAll("article.post")[^1].Id!["post-".Length..], System.Globalization.CultureInfo.InvariantCulture);
        var edit = await member.Client.GetOkAsync($"/posts/{replyId}/edit");
        (await member.Client.SubmitAsync(edit, "form.composer", new Dictionary<string, string?> { ["Body"] = words.EditedReply })).EnsureSuccess();
        await Moderating.ActAsync(moderator, replyId, "hide", words.HideReason);

        // The member's own thread, where the other member replies.
        var ownPath = await Compose.StartThreadPathAsync(member, "injections", words.OwnTitle, words.OwnOpening);
        var ownOpeningId = await ModerationState.OpeningPostIdAsync(member.Client, ownPath);
        await Compose.ReplyAsync(other, ownPath, words.OtherReply);

        (await member.Client.PostAsync($"/posts/{otherOpeningId}/reactions/helpful", new Dictionary<string, string?>())).EnsureSuccess();
        await Moderating.FlagAsync(member, otherOpeningId, "Other", words.FlagNote);
        await Drafting.SaveByButtonAsync(member, "/t/rehab/new", words.Draft, words.DraftTitle);
        var profile = await member.Client.GetOkAsync("/account/profile");
        await member.Client.SubmitAsync(profile, "form[action='/account/profile']", new Dictionary<string, string?>
        {
            ["About"] = words.About, ["AboutVisibility"] = "Members", ["Conditions"] = "Knee osteoarthritis\nPhysiotherapy", ["ConditionsVisibility"] = "Nobody",
        });
        (await Settings.AccountSettings.ChangeNameAsync(member.Client, words.NewName)).EnsureSuccess();
        await Notifications.Notifying.SettledAsync(forum);

        await PrepareAsync(member);
        await SettledAsync(forum);
        using var response = await member.Client.Http.GetAsync(new Uri(DownloadPath(smtp, member.Email), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var files = await FilesAsync(response);
        Assert.Equal(
            [
                "account.json", "drafts.json", "flags.json", "index.html", "name-history.json", "notifications.json", "posts.json", "reactions.json",
                "security-activity.json", "threads.json", "watches.json",
            ],
            files.Keys.Order(StringComparer.Ordinal));

        var account = Json(files, "account.json");
        Assert.Equal((words.NewName, member.Email), (Text(account, "displayName"), Text(account, "email")));
        var rename = Assert.Single(Json(files, "name-history.json").EnumerateArray());
        Assert.Equal((member.DisplayName, words.NewName), (Text(rename, "oldName"), Text(rename, "newName")));
        Assert.Contains(Json(files, "security-activity.json").EnumerateArray(), e => Text(e, "kind") == "DisplayNameChanged");
        Assert.True(account.GetProperty("settings").GetProperty("autoWatch").GetBoolean());
        Assert.Equal("Daily", Text(account.GetProperty("settings"), "replyMail"));
        var about = account.GetProperty("profile");
        Assert.Equal((words.About, "Members", "Nobody"), (Text(about, "aboutMarkdown"), Text(about, "aboutVisibility"), Text(about, "conditionsVisibility")));
        Assert.Equal(["Knee osteoarthritis", "Physiotherapy"], about.GetProperty("conditions").EnumerateArray().Select(c => c.GetString()));

        var posts = Json(files, "posts.json").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetInt32());
        Assert.Equal([replyId, ownOpeningId], posts.Keys.Order());
        var reply = posts[replyId];
        Assert.Equal((words.EditedReply, "Hidden", words.OtherTitle, false), (Text(reply, "markdown"), Text(reply, "state"), Text(reply, "threadTitle"), reply.GetProperty("opensThread").GetBoolean()));
        Assert.Contains(words.EditedReply, Text(reply, "html"), StringComparison.Ordinal);
        var revision = Assert.Single(reply.GetProperty("revisions").EnumerateArray());
        Assert.Equal((words.FirstReply, "you"), (Text(revision, "markdown"), Text(revision, "replacedBy")));
        Assert.Equal((words.OwnOpening, "Visible", true), (Text(posts[ownOpeningId], "markdown"), Text(posts[ownOpeningId], "state"), posts[ownOpeningId].GetProperty("opensThread").GetBoolean()));

        var thread = Assert.Single(Json(files, "threads.json").EnumerateArray());
        Assert.Equal((words.OwnTitle, "Injections"), (Text(thread, "title"), Text(thread, "topic")));
        var reaction = Assert.Single(Json(files, "reactions.json").EnumerateArray());
        Assert.Equal((otherOpeningId, "Helpful"), (reaction.GetProperty("postId").GetInt32(), Text(reaction, "kind")));
        var flag = Assert.Single(Json(files, "flags.json").EnumerateArray());
        Assert.Equal((otherOpeningId, "Other", words.FlagNote), (flag.GetProperty("postId").GetInt32(), Text(flag, "reason"), Text(flag, "note")));
        var draft = Assert.Single(Json(files, "drafts.json").EnumerateArray());
        Assert.Equal((words.Draft, words.DraftTitle, "NewThread"), (Text(draft, "body"), Text(draft, "title"), Text(draft, "kind")));
        var notifications = Json(files, "notifications.json").EnumerateArray().ToList();
        Assert.Contains(notifications, n => Text(n, "kind") == "PostHidden" && n.GetProperty("postId").GetInt32() == replyId && Text(n, "moderatorReason") == words.HideReason);
        Assert.Contains(notifications, n => Text(n, "kind") == "Reply");
        var watched = Json(files, "watches.json").EnumerateArray().Select(w => (Text(w, "kind"), w.GetProperty("id").GetInt32(), Text(w, "level"))).ToList();
        Assert.Contains(("thread", Compose.ThreadId(ownPath), "Watching"), watched);
        Assert.Contains(("thread", Compose.ThreadId(otherPath), "Watching"), watched);

        // The page for reading shows the same, escaped: the member's markup is text, never markup.
        var index = files["index.html"];
        Assert.Contains("&lt;script&gt;", index, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", index, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(words.FlagNote, index, StringComparison.Ordinal);

        // Nothing another member wrote: not their posts, their name or their address (their thread's title is where the member replied).
        var everything = string.Join("\n", files.Values);
        foreach (var theirs in new[] { words.OtherOpening, words.OtherReply, other.DisplayName, other.Email, moderator.DisplayName, moderator.Email })
        {
            Assert.DoesNotContain(theirs, everything, StringComparison.Ordinal);
        }
        Assert.Contains(words.OtherTitle, everything, StringComparison.Ordinal);
    }

    /// <summary>Text unique to one test, so that finding it in the export can only mean this test's data.</summary>
    private sealed class Words
    {
        private readonly string _id = $"k{Guid.NewGuid():N}"[..10]; // a letter first: ten bare digits would read as a phone number

        public string OtherTitle => $"Hydrotherapy after a flare {_id}";
        public string NewName => $"Hydro reader {_id}";
        public string OtherOpening => $"Other member's opening story {_id}";
        public string OtherReply => $"Other member's reply to the member {_id}";
        public string FirstReply => $"My first words on hydrotherapy {_id}";
        public string EditedReply => $"My corrected words on hydrotherapy {_id}";
        public string HideReason => $"Names a clinician {_id}";
        public string OwnTitle => $"Steroid injection diary {_id}";
        public string OwnOpening => $"Week one of my injection diary {_id}";
        public string FlagNote => $"This claims a cure {_id}";
        public string Draft => $"An unposted draft about sleep {_id}";
        public string DraftTitle => $"Sleep and pain {_id}";
        public string About => $"I live with knee pain <script>alert(1)</script> {_id}";
    }
}
