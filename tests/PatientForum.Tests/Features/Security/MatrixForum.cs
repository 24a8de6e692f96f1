using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;

namespace PatientForum.Tests.Features.Security;

/// <summary>The eight kinds of caller the authorization matrix tries every endpoint and hub method as.</summary>
public enum Who
{
    Anonymous,

    /// <summary>Registered, email address not confirmed: the sign-in is refused, so a visitor as far as the forum can tell.</summary>
    Unconfirmed,

    /// <summary>A confirmed member with nothing to do with the target.</summary>
    Member,

    /// <summary>Owns the target: wrote the post or thread, or is the member the action is about.</summary>
    Author,

    /// <summary>Another confirmed member, who owns content of their own (the one who tries the other's ids).</summary>
    Other,

    /// <summary>A confirmed member suspended through the moderators' form.</summary>
    Suspended,

    Moderator,
    Admin,
}

/// <summary>What an endpoint acts on; each cell that may change state gets fresh ones.</summary>
public sealed record Targets(int PostId, int ThreadId, string UserId, string Email, string Password, int ContactId)
{
    /// <summary>Different in every cell, for names and texts the cell looks for afterwards.</summary>
    public string Unique { get; init; } = Guid.NewGuid().ToString("N")[..12];
}

/// <summary>
/// One forum for the whole matrix, with a session for each kind of caller (made once, reused by every cell).
/// The sessions never follow redirects, so each answer is seen exactly as sent.
/// </summary>
public sealed class MatrixForum : ForumFactory
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Dictionary<Who, Member>? _cast;
    private readonly Dictionary<Target, Targets> _shared = [];

    /// <summary>The author with a client that follows redirects, for making their threads through the forms.</summary>
    private Member? _author;

    public async Task<Member> CastAsync(Who who)
    {
        await _gate.WaitAsync();
        try
        {
            _cast ??= await CreateCastAsync();
            return _cast[who];
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Targets of each kind for cells that must change nothing; made once per kind.</summary>
    public async Task<Targets> SharedTargetsAsync(Target kind)
    {
        await CastAsync(Who.Author);
        await _gate.WaitAsync();
        try
        {
            if (!_shared.TryGetValue(kind, out var targets))
            {
                _shared[kind] = targets = await NewTargetsAsync(kind, content: true, contact: true);
            }
            return targets;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// New targets for a cell that may change them: a thread by the author with a reply, a contact message, and
    /// a member of the given kind (the author, for content).
    /// </summary>
    public async Task<Targets> NewTargetsAsync(Target kind, bool content, bool contact)
    {
        var author = _author ?? throw new InvalidOperationException("The cast is made first.");
        var (postId, threadId) = (0, 0);
        if (content)
        {
            var (path, replyId) = await Moderating.ThreadWithReplyAsync(author, $"A reply for the matrix {Guid.NewGuid():N}.");
            (postId, threadId) = (replyId, Compose.ThreadId(path));
        }
        var contactId = contact ? await SubmitContactAsync(CreateForumClient()) : 0;
        var member = kind switch
        {
            Target.Member or Target.Moderator => await Members.RegisterConfirmedAsync(this),
            Target.Unconfirmed => await Members.RegisterAsync(this),
            _ => author,
        };
        var userId = await ModerationState.UserIdAsync(this, member.Email);
        if (kind == Target.Moderator)
        {
            using var scope = Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ForumUser>>();
            await users.AddToRoleAsync((await users.FindByIdAsync(userId))!, ForumRoles.Moderator);
        }
        return new Targets(postId, threadId, userId, member.Email, member.Password, contactId);
    }

    /// <summary>A member of the given kind made just for one cell, for actions that end the caller's own sessions.</summary>
    public async Task<Member> FreshAsync(Who who) => who switch
    {
        Who.Anonymous => new Member("", "", "", CreateForumClient(followRedirects: false)),
        Who.Unconfirmed => await WithoutRedirectsAsync(await Members.RegisterAsync(this)),
        Who.Suspended => await SuspendedAsync(await CastAsync(Who.Moderator)),
        Who.Moderator => await WithoutRedirectsAsync(await Staff.ModeratorAsync(this)),
        Who.Admin => await WithoutRedirectsAsync(await Staff.AdminAsync(this)),
        _ => await WithoutRedirectsAsync(await Members.RegisterConfirmedAsync(this)),
    };

    /// <summary>Sends the contact form as a visitor would; returns the saved message's id.</summary>
    public async Task<int> SubmitContactAsync(ForumClient client)
    {
        var form = await client.GetOkAsync("/contact");
        var text = $"A question for the moderators {Guid.NewGuid():N}.";
        var sent = await client.SubmitAsync(form, "form[action='/contact']", new Dictionary<string, string?>
        {
            ["Name"] = "Matrix visitor", ["Email"] = "visitor@example.org", ["Subject"] = "Question", ["Message"] = text,
        });
        Assert.True(sent.Status is HttpStatusCode.OK or HttpStatusCode.Redirect, $"The contact form answered {(int)sent.Status}.");
        return await ModerationState.QueryAsync(this, db => db.ContactSubmissions.Where(c => c.Message == text).Select(c => c.Id).SingleAsync());
    }

    public async Task<Member> WithoutRedirectsAsync(Member member)
    {
        var client = CreateForumClient(followRedirects: false);
        await Members.SignInAsync(client, member);
        return member with { Client = client };
    }

    private async Task<Dictionary<Who, Member>> CreateCastAsync()
    {
        var moderator = await Staff.ModeratorAsync(this);
        _author = await Members.RegisterConfirmedAsync(this);
        return new Dictionary<Who, Member>
        {
            [Who.Anonymous] = new("", "", "", CreateForumClient(followRedirects: false)),
            [Who.Unconfirmed] = await WithoutRedirectsAsync(await Members.RegisterAsync(this)),
            [Who.Member] = await WithoutRedirectsAsync(await Members.RegisterConfirmedAsync(this)),
            [Who.Author] = await WithoutRedirectsAsync(_author),
            [Who.Other] = await WithoutRedirectsAsync(await Members.RegisterConfirmedAsync(this)),
            [Who.Suspended] = await SuspendedAsync(moderator),
            [Who.Moderator] = await WithoutRedirectsAsync(moderator),
            [Who.Admin] = await WithoutRedirectsAsync(await Staff.AdminAsync(this)),
        };
    }

    /// <summary>A confirmed member suspended for a week through the moderators' form, then signed in again.</summary>
    private async Task<Member> SuspendedAsync(Member moderator)
    {
        var member = await Members.RegisterConfirmedAsync(this);
        var mod = moderator with { Client = CreateForumClient() };
        await Members.SignInAsync(mod.Client, mod);
        var done = await ModerationState.SuspendAsync(mod, await ModerationState.UserIdAsync(this, member.Email), "7", "Matrix suspension");
        Assert.Equal(HttpStatusCode.OK, done.Status);
        return await WithoutRedirectsAsync(member);
    }
}
