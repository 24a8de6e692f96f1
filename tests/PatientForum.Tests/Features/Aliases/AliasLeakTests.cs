using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Features.Security;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Features.Live;
using static PatientForum.Tests.Features.Notifications.Notifying;

namespace PatientForum.Tests.Features.Aliases;

/// <summary>
/// The leak matrix of aliases, from the same route table and rows as the members-only one (<see cref="MembersOnlyLeakTable"/>):
/// one public thread started under an alias and replied to under it, every public GET requested as a visitor, as
/// another member and as a moderator who has not revealed it, and no answer may hold the member's display name, user
/// id or user name (their address). The alias's own page, search by the member's name, the thread and the live push
/// are checked by name too.
/// </summary>
public sealed class AliasLeakTests(AliasLeakTests.AliasForum forum) : IClassFixture<AliasLeakTests.AliasForum>
{
    public enum Caller { Visitor, Member, Moderator }

    public static TheoryData<string, Caller> Cells()
    {
        var data = new TheoryData<string, Caller>();
        foreach (var row in MembersOnlyLeakTable.Rows)
        {
            foreach (var caller in Enum.GetValues<Caller>())
            {
                data.Add(row.Pattern, caller);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task PublicSurface_ForAnyoneWithoutAReveal_NeverNamesTheMemberBehindAnAlias(string pattern, Caller who)
    {
        var row = MembersOnlyLeakTable.Rows.Single(r => r.Pattern == pattern);
        var secret = await forum.SecretAsync();
        var client = await forum.ClientAsync(who);

        foreach (var path in row.PathsFor(secret.Paths).Append($"/a/{secret.AliasNumber}"))
        {
            var page = await client.GetAsync(path);

            Assert.True((int)page.Status < 500, $"{path} as {who} answered {(int)page.Status}");
            // The real member's own profile and its feeds are about them (their name; their id in a moderator's link): they
            // must not list the aliased posts.
            var profile = $"/u/{Uri.EscapeDataString(secret.MemberName)}";
            if (path == profile || path.StartsWith(profile + "/feed.", StringComparison.Ordinal))
            {
                Assert.DoesNotContain(secret.Paths.Title, page.Text, StringComparison.Ordinal);
                Assert.DoesNotContain(secret.AliasName, page.Text, StringComparison.Ordinal);
                continue;
            }
            foreach (var (name, marker) in secret.Markers)
            {
                Assert.False(page.Text.Contains(marker, StringComparison.OrdinalIgnoreCase), $"{path} as {who} holds the member's {name}.");
            }
        }
    }

    [Fact]
    public async Task SearchByTheMembersName_FindsNothing_ByTheAliasPage_FindsTheThread()
    {
        var secret = await forum.SecretAsync();
        using var visitor = forum.CreateForumClient();

        var byAuthor = await visitor.GetOkAsync($"/search?q={secret.Paths.SearchWord}&author={Uri.EscapeDataString(secret.MemberName)}");
        var byWord = await visitor.GetOkAsync($"/search?q={secret.Paths.SearchWord}");
        var aliasPage = await visitor.GetOkAsync($"/a/{secret.AliasNumber}");

        Assert.DoesNotContain(secret.Paths.Title, byAuthor.Text, StringComparison.Ordinal);
        Assert.Contains(secret.Paths.Title, byWord.Text, StringComparison.Ordinal);
        Assert.Contains(secret.AliasName, byWord.Text, StringComparison.Ordinal);
        Assert.Contains(secret.Paths.Title, aliasPage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LivePush_OfAnAliasReply_NamesTheAliasOnly_WithNoIdOfTheMember()
    {
        var secret = await forum.SecretAsync();
        await using var reader = await LiveClient.ConnectAsync(forum);
        var added = Channel.CreateUnbounded<PostFragment>();
        reader.On<PostFragment>(nameof(IForumClient.PostAdded), post => added.Writer.TryWrite(post));
        await reader.InvokeAsync<int>(nameof(ForumHub.JoinThread), secret.Paths.ThreadId);
        var word = Unique("pushed");

        await Aliasing.ReplyAsync(secret.Member, secret.Paths.ThreadPath, $"A live reply {word}.");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var post = await added.Reader.ReadAsync(timeout.Token);
        while (!post.Html.Contains(word, StringComparison.Ordinal))
        {
            post = await added.Reader.ReadAsync(timeout.Token);
        }
        Assert.Contains(secret.AliasName, post.Html, StringComparison.Ordinal);
        foreach (var (name, marker) in secret.Markers)
        {
            Assert.False(post.Html.Contains(marker, StringComparison.OrdinalIgnoreCase), $"The live push holds the member's {name}.");
        }
    }

    /// <summary>What the matrix reads: the thread (as the members-only matrix names its parts) and who is behind its alias.</summary>
    public sealed record AliasSecret(LeakSecret Paths, Member Member, string MemberName, string MemberId, string MemberEmail, string AliasName, int AliasNumber)
    {
        public IReadOnlyDictionary<string, string> Markers => new Dictionary<string, string>
        {
            ["display name"] = MemberName, ["user id"] = MemberId, ["user name"] = MemberEmail,
        };
    }

    /// <summary>One public thread under an alias with a reply by another member and one by the alias; made once, read by every cell.</summary>
    public sealed class AliasForum : ForumFactory
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private AliasSecret? _secret;
        private readonly Dictionary<Caller, ForumClient> _clients = [];

        public async Task<AliasSecret> SecretAsync()
        {
            await _gate.WaitAsync();
            try
            {
                return _secret ??= await MakeAsync();
            }
            finally
            {
                _gate.Release();
            }
        }

        public async Task<ForumClient> ClientAsync(Caller who)
        {
            await _gate.WaitAsync();
            try
            {
                if (!_clients.TryGetValue(who, out var client))
                {
                    _clients[who] = client = who switch
                    {
                        Caller.Visitor => CreateForumClient(),
                        Caller.Member => (await Members.RegisterConfirmedAsync(this)).Client,
                        _ => (await Staff.ModeratorAsync(this)).Client,
                    };
                }
                return client;
            }
            finally
            {
                _gate.Release();
            }
        }

        private async Task<AliasSecret> MakeAsync()
        {
            var token = $"k{Guid.NewGuid():N}"[..10]; // a letter first: ten bare digits would read as a phone number
            var member = await Members.RegisterConfirmedAsync(this, $"Hidden Writer {token[..6]}");
            var replier = await Members.RegisterConfirmedAsync(this, $"Open Replier {token[..6]}");
            var (title, phrase, word) = ($"Alias story {token}", $"fernbrook{token}", $"quill{token}");
            var path = await Aliasing.StartThreadPathAsync(member, "rehab", title, $"Under my alias, {phrase} {word}.");
            await Compose.ReplyAsync(replier, path, $"Thanks @Member-x, {phrase} {word} too.");
            await Aliasing.ReplyAsync(member, path, $"The alias again, {phrase} {word}.");
            await SettledAsync(this);
            var threadId = Compose.ThreadId(path);
            var memberId = await ModerationState.UserIdAsync(this, member.Email);
            var alias = (await Aliasing.AliasOfAsync(this, memberId, "rehab"))!;
            var opening = await ModerationState.OpeningPostIdAsync(member.Client, path);
            var reply = await ModerationState.QueryAsync(this, db => db.Posts.Where(p => p.ThreadId == threadId && !p.IsOpening).OrderByDescending(p => p.Id).Select(p => p.Id).FirstAsync());
            var userName = await ModerationState.QueryAsync(this, db => db.Users.Where(u => u.Id == memberId).Select(u => u.UserName!).SingleAsync());

            // The matrix fills {author} with the real member's name: their profile is a surface the alias must not reach.
            var paths = new LeakSecret(title, phrase, member.DisplayName, memberId, path, threadId, opening, reply, replier.DisplayName, "rehab", word);
            return new AliasSecret(paths, member, member.DisplayName, memberId, userName, alias.DisplayName, alias.Number);
        }
    }
}
