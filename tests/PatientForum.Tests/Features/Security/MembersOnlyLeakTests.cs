using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientForum.Tests.Features.MembersOnly;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Security;

/// <summary>
/// The leak matrix of members-only threads, built from the route table: every GET endpoint open to visitors is
/// requested, as a visitor and as a registered member whose address is not confirmed (whose sign-in is refused), for
/// one members-only thread, and no answer may hold its title, a phrase from its text, its author's name or id. The same
/// requests by a confirmed member do show it where the page lists threads, so a page that shows nothing to anyone
/// cannot pass for one that keeps the secret.
/// </summary>
public sealed class MembersOnlyLeakTests(MembersOnlyLeakTests.LeakForum forum) : IClassFixture<MembersOnlyLeakTests.LeakForum>
{
    public enum Outsider { Visitor, Unconfirmed }

    public static TheoryData<string, Outsider> OutsiderCells()
    {
        var data = new TheoryData<string, Outsider>();
        foreach (var row in MembersOnlyLeakTable.Rows)
        {
            data.Add(row.Pattern, Outsider.Visitor);
            data.Add(row.Pattern, Outsider.Unconfirmed);
        }
        return data;
    }

    public static TheoryData<string> ListingRows() => [.. MembersOnlyLeakTable.Rows.Where(r => r.Shows is { Length: > 0 }).Select(r => r.Pattern)];

    [Fact]
    public void RouteTable_EveryPublicGetEndpoint_HasALeakRow_AndEveryRowStillExists()
    {
        // Open to visitors: answers GET (or any method) and carries no authorization. The hub's endpoints are the live
        // matrix's (MembersOnlyLiveTests): they take no thread in the address.
        var open = forum.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is not { Count: > 0 } methods || methods.Contains("GET"))
            .Where(e => !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any())
            .Select(e => e.RoutePattern.RawText ?? "")
            .Where(p => !p.StartsWith("hubs/", StringComparison.Ordinal) && !p.StartsWith("/hubs/", StringComparison.Ordinal))
            .ToHashSet();
        var rows = MembersOnlyLeakTable.Rows.Select(r => r.Pattern).ToHashSet();

        var missing = open.Where(p => !rows.Contains(p)).Order().ToList();
        var gone = rows.Where(p => !open.Contains(p)).Order().ToList();

        Assert.True(missing.Count == 0, $"Public GET endpoints with no row in MembersOnlyLeakTable: {string.Join(", ", missing)}");
        Assert.True(gone.Count == 0, $"Rows for endpoints that are gone or no longer public: {string.Join(", ", gone)}");
    }

    [Theory]
    [MemberData(nameof(OutsiderCells))]
    public async Task PublicSurface_ForAVisitorOrUnconfirmedMember_ShowsNothingOfAMembersOnlyThread(string pattern, Outsider who)
    {
        var row = MembersOnlyLeakTable.Rows.Single(r => r.Pattern == pattern);
        var secret = await forum.SecretAsync();
        var client = who == Outsider.Visitor ? forum.CreateForumClient() : (await forum.UnconfirmedAsync()).Client;

        foreach (var path in row.PathsFor(secret))
        {
            var page = await client.GetAsync(path);

            Assert.True((int)page.Status < 500, $"{path} as {who} answered {(int)page.Status}");
            foreach (var (name, marker) in secret.Markers.Where(m => row.Echoes?.Contains(m.Key) != true))
            {
                Assert.False(page.Text.Contains(marker, StringComparison.OrdinalIgnoreCase), $"{path} as {who} holds the thread's {name}.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ListingRows))]
    public async Task PublicSurface_ForAConfirmedMember_ShowsTheMembersOnlyThread(string pattern)
    {
        var row = MembersOnlyLeakTable.Rows.Single(r => r.Pattern == pattern);
        var secret = await forum.SecretAsync();
        var member = await forum.ReaderAsync();

        foreach (var path in row.PathsFor(secret))
        {
            var page = await member.Client.GetAsync(path);

            Assert.True(page.Status == HttpStatusCode.OK, $"{path} as a confirmed member answered {(int)page.Status}");
            var shown = row.Shows!.Where(name => page.Text.Contains(secret.Markers[name], StringComparison.Ordinal)).ToList();
            Assert.True(shown.Count > 0, $"{path} shows a confirmed member none of: {string.Join(", ", row.Shows!)}");
        }
    }

    [Theory]
    [InlineData("{path}")]
    [InlineData("/posts/{reply}")]
    [InlineData("/posts/{post}/history")]
    public async Task MembersOnlyAddress_ForAVisitor_IsTheMembersPage_WithASignInLinkBack_NotIndexedOrStored(string template)
    {
        var secret = await forum.SecretAsync();
        var path = new LeakRow("", [template]).PathsFor(secret).Single();
        using var visitor = forum.CreateForumClient();

        var page = await visitor.GetAsync(path);
        var again = await visitor.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, page.Status);
        Assert.Equal("This thread is for members", page.TextOf("h1"));
        Assert.Equal($"/account/login?returnUrl={Uri.EscapeDataString(path)}", page.Document.QuerySelector("main a[href^='/account/login']")?.GetAttribute("href"));
        Assert.Equal("noindex", page.Document.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.Null(page.Document.QuerySelector("meta[name=description]"));
        Assert.Empty(page.Document.QuerySelectorAll("meta[property^='og:']"));
        Assert.Contains("no-store", page.Response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Null(again.Response.Headers.Age);
    }

    [Fact]
    public async Task MembersOnlyThread_ForAConfirmedMember_IsNoIndexAndNeverStored()
    {
        var secret = await forum.SecretAsync();
        var member = await forum.ReaderAsync();

        var page = await member.Client.GetOkAsync(secret.ThreadPath);

        Assert.Equal(secret.Title, page.TextOf("h1"));
        Assert.Equal("noindex", page.Document.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.Contains("no-store", page.Response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    /// <summary>
    /// The forum of the matrix: one members-only thread with a reply, by members made for it, and the callers. Made once
    /// (the requests change nothing), so every cell reads the same secret.
    /// </summary>
    public sealed class LeakForum : ForumFactory
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private LeakSecret? _secret;
        private Member? _reader;
        private Member? _unconfirmed;

        public async Task<LeakSecret> SecretAsync() => await OnceAsync(() => _secret, async () => _secret = await MakeSecretAsync());

        /// <summary>A confirmed member who neither wrote nor replied to the thread.</summary>
        public async Task<Member> ReaderAsync() => await OnceAsync(() => _reader, async () => _reader = await Members.RegisterConfirmedAsync(this));

        /// <summary>Registered, not confirmed, and refused at sign-in: what an unconfirmed member can reach.</summary>
        public async Task<Member> UnconfirmedAsync() => await OnceAsync(() => _unconfirmed, async () =>
        {
            var member = await Members.RegisterAsync(this);
            await Members.SignInAsync(member.Client, member);
            return _unconfirmed = member;
        });

        private async Task<T> OnceAsync<T>(Func<T?> made, Func<Task<T>> make)
            where T : class
        {
            await _gate.WaitAsync();
            try
            {
                return made() ?? await make();
            }
            finally
            {
                _gate.Release();
            }
        }

        private async Task<LeakSecret> MakeSecretAsync()
        {
            var token = $"k{Guid.NewGuid():N}"[..10]; // a letter first: ten bare digits would read as a phone number
            var author = await Members.RegisterConfirmedAsync(this, $"Quiet Author {token[..6]}");
            var replier = await Members.RegisterConfirmedAsync(this, $"Replier {token[..6]}");
            var (title, phrase) = ($"Members only story {token}", $"kestrelmoss{token}");
            var word = $"glint{token}";
            var path = await MembersOnlyThreads.StartAsync(author, "rehab", title, $"What the clinic said, {phrase} {word}, stays among members.");
            await Compose.ReplyAsync(replier, path, $"Same for me: {phrase} {word} here too.");
            var threadId = Compose.ThreadId(path);
            var opening = await ModerationState.OpeningPostIdAsync(author.Client, path);
            var reply = await ModerationState.QueryAsync(this, db => db.Posts.Where(p => p.ThreadId == threadId && !p.IsOpening).Select(p => p.Id).SingleAsync());
            return new LeakSecret(title, phrase, author.DisplayName, await ModerationState.UserIdAsync(this, author.Email), path, threadId, opening, reply,
                replier.DisplayName, "rehab", word);
        }
    }
}
