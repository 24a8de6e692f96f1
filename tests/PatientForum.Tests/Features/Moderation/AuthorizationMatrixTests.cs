using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Moderation;

/// <summary>
/// Every moderation endpoint and hub method, tried as a visitor, a member, the post's author, a moderator and
/// an admin. Refusals are a redirect to sign in or a 403, never a 5xx, and change nothing.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.Cast cast) : IClassFixture<AuthorizationMatrixTests.Cast>
{
    public enum Who { Visitor, Member, Author, Moderator, Admin }

    private enum Expect { SignIn, Denied, Allowed }

    /// <summary>One forum, one post, and a session for each kind of user, shared by every cell.</summary>
    public sealed class Cast : ForumFactory
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private Dictionary<Who, ForumClient>? _clients;

        public int PostId { get; private set; }
        public int ThreadId { get; private set; }
        public string AuthorId { get; private set; } = "";
        public string ThreadPath { get; private set; } = "";

        public async Task<ForumClient> ClientAsync(Who who)
        {
            await _gate.WaitAsync();
            try
            {
                _clients ??= await CreateCastAsync();
                return _clients[who];
            }
            finally
            {
                _gate.Release();
            }
        }

        private async Task<Dictionary<Who, ForumClient>> CreateCastAsync()
        {
            var author = await Members.RegisterConfirmedAsync(this);
            (ThreadPath, PostId) = await Moderating.ThreadWithReplyAsync(author, "The post every cell acts on.");
            ThreadId = Compose.ThreadId(ThreadPath);
            var link = (await (await Staff.ModeratorAsync(this)).Client.GetOkAsync($"/moderation/posts/{PostId}"))
                .Document.QuerySelector("a[href^='/moderation/users/']")!.GetAttribute("href")!;
            AuthorId = link["/moderation/users/".Length..];
            return new Dictionary<Who, ForumClient>
            {
                [Who.Visitor] = CreateForumClient(followRedirects: false),
                [Who.Member] = await SignedInAsync(await Members.RegisterConfirmedAsync(this)),
                [Who.Author] = await SignedInAsync(author),
                [Who.Moderator] = await SignedInAsync(await Staff.ModeratorAsync(this)),
                [Who.Admin] = await SignedInAsync(await Staff.AdminAsync(this)),
            };
        }

        private async Task<ForumClient> SignedInAsync(Member member)
        {
            var client = CreateForumClient(followRedirects: false);
            var login = await client.GetOkAsync("/account/login");
            await client.SubmitAsync(login, "form[action='/account/login']", new Dictionary<string, string?> { ["Email"] = member.Email, ["Password"] = member.Password });
            return client;
        }
    }

    private static readonly (string Method, string Path, bool AdminOnly)[] s_endpoints =
    [
        ("GET", "/moderation", false),
        ("GET", "/moderation/posts/{post}", false),
        ("POST", "/moderation/posts/{post}/keep", false),
        ("POST", "/moderation/posts/{post}/hide", false),
        ("POST", "/moderation/posts/{post}/restore", false),
        ("POST", "/moderation/posts/{post}/delete", false),
        ("GET", "/moderation/posts/{post}/edit", false),
        ("POST", "/moderation/posts/{post}/edit", false),
        ("GET", "/moderation/threads/{thread}", false),
        ("POST", "/moderation/threads/{thread}/lock", false),
        ("POST", "/moderation/threads/{thread}/unlock", false),
        ("POST", "/moderation/threads/{thread}/pin", false),
        ("POST", "/moderation/threads/{thread}/unpin", false),
        ("POST", "/moderation/threads/{thread}/move", false),
        ("GET", "/moderation/users/{author}", false),
        ("POST", "/moderation/users/{author}/suspend", false),
        ("POST", "/moderation/users/{author}/unsuspend", false),
        ("GET", "/moderation/log", false),
        ("GET", "/moderation/contact", false),
        ("GET", "/admin/moderators", true),
        ("POST", "/admin/moderators/grant", true),
        ("POST", "/admin/moderators/revoke", true),
    ];

    public static TheoryData<string, string, Who> Cells()
    {
        var data = new TheoryData<string, string, Who>();
        foreach (var (method, path, _) in s_endpoints)
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                data.Add(method, path, who);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Endpoint_ForEachKindOfUser_IsAllowedOnlyForStaff(string method, string template, Who who)
    {
        var client = await cast.ClientAsync(who);
        var adminOnly = s_endpoints.Single(e => e.Method == method && e.Path == template).AdminOnly;
        var expected = who switch
        {
            Who.Visitor => Expect.SignIn,
            Who.Member or Who.Author => Expect.Denied,
            Who.Moderator => adminOnly ? Expect.Denied : Expect.Allowed,
            _ => Expect.Allowed,
        };
        var path = template.Replace("{post}", cast.PostId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{thread}", cast.ThreadId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{author}", cast.AuthorId, StringComparison.Ordinal);
        var before = await cast.CreateForumClient().GetOkAsync(cast.ThreadPath);

        var page = method == "GET"
            ? await client.GetAsync(path)
            : await client.PostAsync(path, new Dictionary<string, string?> { ["Reason"] = "matrix", ["Body"] = "Matrix edit.", ["topicId"] = "1", ["Days"] = "1" });

        Assert.True((int)page.Status < 500, $"{method} {path} as {who} answered {(int)page.Status}");
        var location = page.Response.Headers.Location?.OriginalString ?? "";
        switch (expected)
        {
            case Expect.SignIn:
                Assert.Equal(HttpStatusCode.Redirect, page.Status);
                Assert.StartsWith("/account/login", new Uri(new Uri("http://localhost"), location).PathAndQuery, StringComparison.Ordinal);
                break;
            case Expect.Denied:
                Assert.True(page.Status == HttpStatusCode.Forbidden || location.Contains("/account/access-denied", StringComparison.Ordinal),
                    $"{method} {path} as {who} answered {(int)page.Status} {location}");
                break;
            default:
                Assert.False(location.Contains("/account/", StringComparison.Ordinal), $"{method} {path} as {who} was refused: {location}");
                break;
        }
        if (expected != Expect.Allowed && method == "POST")
        {
            var after = await cast.CreateForumClient().GetOkAsync(cast.ThreadPath);
            Assert.Equal(before.Document.QuerySelector($"#post-{cast.PostId}")?.OuterHtml, after.Document.QuerySelector($"#post-{cast.PostId}")?.OuterHtml);
        }
    }

    [Theory]
    [InlineData(Who.Visitor, false)]
    [InlineData(Who.Member, false)]
    [InlineData(Who.Author, false)]
    [InlineData(Who.Moderator, true)]
    [InlineData(Who.Admin, true)]
    public async Task JoinModerators_HubMethod_IsForStaffOnly(Who who, bool allowed)
    {
        var client = await cast.ClientAsync(who);
        await using var connection = await LiveClient.ConnectAsync(cast, who == Who.Visitor ? null : client);

        var join = connection.InvokeAsync("JoinModerators");

        if (allowed)
        {
            await join;
        }
        else
        {
            await Assert.ThrowsAsync<HubException>(() => join);
        }
    }
}
