using System.Net;
using PatientForum.Tests.Features.AccountDeletion;
using PatientForum.Tests.Features.MembersOnly;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Feeds;

/// <summary>
/// What feeds, sitemaps and a thread page's head carry to other sites: never a members-only thread (its title, text
/// or author), a hidden thread, a post a moderator hid or removed, or one its author deleted, for whoever asks. The same
/// requests do carry the visible posts next to them, so a surface that shows nothing cannot pass for one that keeps
/// the secrets.
/// </summary>
public sealed class FeedVisibilityTests(FeedVisibilityTests.SecretsForum forum) : IClassFixture<FeedVisibilityTests.SecretsForum>
{
    public static TheoryData<string, bool> Surfaces()
    {
        var data = new TheoryData<string, bool>();
        string[] paths =
        [
            "/feed.rss", "/feed.atom", "/t/rehab/feed.rss", "/t/rehab/feed.atom", "{open}/feed.rss", "{open}/feed.atom", "{withdrawn}/feed.atom",
            "{hidden}/feed.rss", "{members}/feed.atom", "/u/{replier}/feed.rss", "/u/{opener}/feed.atom", "/sitemap.xml", "/sitemaps/pages.xml",
            "/sitemaps/threads-1.xml", "{openPage}", "{withdrawnPage}", "/",
        ];
        foreach (var path in paths)
        {
            data.Add(path, false);
            data.Add(path, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Surfaces))]
    public async Task PublicSurface_ForAVisitorOrAMember_CarriesNoMembersOnlyHiddenOrDeletedContent(string template, bool signedIn)
    {
        var secrets = await forum.SecretsAsync();
        var client = signedIn ? (await forum.ReaderAsync()).Client : forum.CreateForumClient();
        var path = secrets.Fill(template);

        var page = await client.GetAsync(path);

        Assert.True(page.Status is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{path} answered {(int)page.Status}");
        // The home page's latest stories list members-only threads to members, as topic pages do (the members-only leak
        // matrix checks that they do): there, for a member, only the hidden and removed content must stay out.
        var shownToMembers = signedIn && path == "/";
        foreach (var (name, marker) in secrets.Markers.Where(m => !(shownToMembers && m.Key.StartsWith("members-only", StringComparison.Ordinal))))
        {
            Assert.False(page.Text.Contains(marker, StringComparison.Ordinal), $"{path} ({(signedIn ? "member" : "visitor")}) holds the {name}.");
        }
    }

    [Fact]
    public async Task PublicSurfaces_CarryTheVisibleContentBesideTheSecrets()
    {
        var secrets = await forum.SecretsAsync();
        var visitor = forum.CreateForumClient();

        Assert.Contains(secrets.VisibleWord, (await visitor.GetOkAsync(secrets.Fill("{open}/feed.rss"))).Text, StringComparison.Ordinal);
        Assert.Contains(secrets.VisibleWord, (await visitor.GetOkAsync(secrets.Fill("/u/{replier}/feed.atom"))).Text, StringComparison.Ordinal);
        Assert.Contains(secrets.VisibleWord, (await visitor.GetOkAsync(secrets.Fill("{withdrawn}/feed.rss"))).Text, StringComparison.Ordinal);
        Assert.Contains(secrets.OpenTitle, (await visitor.GetOkAsync("/feed.atom")).Text, StringComparison.Ordinal);
        Assert.Contains(secrets.OpenPage, (await visitor.GetOkAsync("/sitemaps/threads-1.xml")).Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(secrets.Fill("{members}/feed.rss"))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(secrets.Fill("{hidden}/feed.rss"))).Status);
    }

    /// <summary>The secrets and the visible content beside them, and what their addresses are.</summary>
    public sealed record Secrets(IReadOnlyDictionary<string, string> Markers, string VisibleWord, string OpenTitle, string OpenPage, IReadOnlyDictionary<string, string> Slots)
    {
        public string Fill(string template) => Slots.Aggregate(template, (path, slot) => path.Replace($"{{{slot.Key}}}", slot.Value, StringComparison.Ordinal));
    }

    /// <summary>
    /// A forum holding one of each kind of secret, made once: a members-only thread, a thread a moderator hid, a public
    /// thread with replies hidden, removed and deleted by their author beside a visible one, and a public thread whose
    /// opening post its author deleted after a reply.
    /// </summary>
    public sealed class SecretsForum : ForumFactory
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private Secrets? _secrets;
        private Member? _reader;

        public async Task<Secrets> SecretsAsync() => await OnceAsync(async () => _secrets ??= await MakeAsync());

        public async Task<Member> ReaderAsync() => await OnceAsync(async () => _reader ??= await Members.RegisterConfirmedAsync(this));

        private async Task<T> OnceAsync<T>(Func<Task<T>> make)
        {
            await _gate.WaitAsync();
            try
            {
                return await make();
            }
            finally
            {
                _gate.Release();
            }
        }

        private async Task<Secrets> MakeAsync()
        {
            var token = $"k{Guid.NewGuid():N}"[..10]; // a letter first: ten bare digits would read as a phone number
            var opener = await Members.RegisterConfirmedAsync(this, $"Open Author {token[..6]}");
            var replier = await Members.RegisterConfirmedAsync(this, $"Feed Replier {token[..6]}");
            var quiet = await Members.RegisterConfirmedAsync(this, $"Quiet Feeder {token[..6]}");
            var moderator = await Staff.ModeratorAsync(this);
            var markers = new Dictionary<string, string>
            {
                ["members-only title"] = $"Members only feed story {token}", ["members-only text"] = $"membersword{token}",
                ["members-only author"] = quiet.DisplayName, ["hidden thread's title"] = $"Hidden feed story {token}",
                ["hidden thread's text"] = $"hiddenopening{token}", ["hidden reply"] = $"hiddenword{token}", ["removed reply"] = $"removedword{token}",
                ["reply its author deleted"] = $"retractedword{token}", ["opening post its author deleted"] = $"withdrawnword{token}",
            };
            var visible = $"visibleword{token}";

            var members = await MembersOnlyThreads.StartAsync(quiet, "rehab", markers["members-only title"], $"Among members: {markers["members-only text"]}.");
            var hidden = await Compose.StartThreadPathAsync(opener, "rehab", markers["hidden thread's title"], $"Soon hidden: {markers["hidden thread's text"]}.");
            await Moderating.ActAsync(moderator, await ModerationState.OpeningPostIdAsync(opener.Client, hidden), "hide", "Personal information");

            var openTitle = MembersOnlyThreads.Unique("An open feed story");
            var open = await Compose.StartThreadPathAsync(opener, "rehab", openTitle, "Open words anyone may read.");
            foreach (var (word, act) in new[] { (markers["hidden reply"], "hide"), (markers["removed reply"], "delete") })
            {
                var reply = await Compose.ReplyAsync(replier, open, $"Soon gone: {word}.");
                await Moderating.ActAsync(moderator, Deleting.IdOf(reply.Document.QuerySelectorAll("article.post")[^1].Id!), act, "Personal information");
            }
            var retracted = await Compose.ReplyAsync(replier, open, $"Taken back: {markers["reply its author deleted"]}.");
            await Deleting.PressAsync(replier, open, Deleting.IdOf(retracted.Document.QuerySelectorAll("article.post")[^1].Id!), "delete");
            await Compose.ReplyAsync(replier, open, $"Still here: {visible}.");

            var withdrawn = await Compose.StartThreadPathAsync(opener, "rehab", MembersOnlyThreads.Unique("A withdrawn feed story"),
                $"Soon withdrawn: {markers["opening post its author deleted"]}.");
            await Compose.ReplyAsync(replier, withdrawn, $"Replying: {visible}.");
            await Deleting.PressAsync(opener, withdrawn, await ModerationState.OpeningPostIdAsync(opener.Client, withdrawn), "delete");

            var slots = new Dictionary<string, string>
            {
                ["open"] = $"/threads/{Compose.ThreadId(open)}", ["openPage"] = open, ["withdrawn"] = $"/threads/{Compose.ThreadId(withdrawn)}",
                ["withdrawnPage"] = withdrawn, ["hidden"] = $"/threads/{Compose.ThreadId(hidden)}", ["members"] = $"/threads/{Compose.ThreadId(members)}",
                ["replier"] = Uri.EscapeDataString(replier.DisplayName), ["opener"] = Uri.EscapeDataString(opener.DisplayName),
            };
            return new Secrets(markers, visible, openTitle, open, slots);
        }
    }
}
