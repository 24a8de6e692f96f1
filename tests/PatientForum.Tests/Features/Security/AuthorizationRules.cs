using System.Net;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;
using static PatientForum.Tests.Infrastructure.RawRequests;

namespace PatientForum.Tests.Features.Security;

/// <summary>Who an endpoint is for.</summary>
public enum Access
{
    /// <summary>Everyone, visitors included.</summary>
    Anyone,

    /// <summary>Any signed-in member, suspended or not (only confirmed members can sign in): it acts on their own account.</summary>
    SignedIn,

    /// <summary>Signed in, email confirmed, not suspended (the CanPost policy).</summary>
    CanPost,

    /// <summary>Only the author of the post, and only while they may post. Moderators use their own pages.</summary>
    Owner,

    Moderator,
    Admin,
}

public static class AccessRules
{
    public static bool Allows(Access access, Who who) => access switch
    {
        Access.Anyone => true,
        Access.SignedIn => who is not (Who.Anonymous or Who.Unconfirmed),
        Access.CanPost => who is Who.Member or Who.Author or Who.Other or Who.Moderator or Who.Admin,
        Access.Owner => who is Who.Author,
        Access.Moderator => who is Who.Moderator or Who.Admin,
        _ => who is Who.Admin,
    };
}

/// <summary>What a cell acts on: a fresh one for each cell that may change it, a shared one for refusals.</summary>
public enum Target { Content, Member, Moderator, Unconfirmed }

/// <summary>
/// One cell of the matrix as it runs: the caller, what it acts on, and the answer; with the audit log's length
/// from just before the request and, for a GET, the forum's <see cref="ForumFingerprint"/> from then.
/// </summary>
public sealed record Cell(MatrixForum Forum, Who Who, Member Caller, Targets Targets, ForumClient.Page Page, string? Before, int LogBefore)
{
    public Task<T> QueryAsync<T>(Func<ForumDbContext, Task<T>> query) => ModerationState.QueryAsync(Forum, query);

    public Task<string> CallerIdAsync() => ModerationState.UserIdAsync(Forum, Caller.Email);

    public void Redirected(string path) =>
        Assert.True(Page.Status == HttpStatusCode.Redirect && LocationPath(Page) == path,
            $"{Who} expected a redirect to {path}, got {(int)Page.Status} {LocationPath(Page)}");

    public void Ok() => Assert.True(Page.Status == HttpStatusCode.OK, $"{Who} expected 200, got {(int)Page.Status} {LocationPath(Page)}");

    /// <summary>The request changed nothing at all.</summary>
    public async Task UnchangedAsync() =>
        Assert.Equal(Before ?? throw new InvalidOperationException("Only GET cells keep the fingerprint."), await ForumFingerprint.TakeAsync(Forum));

    /// <summary>The request put exactly one entry in the audit log.</summary>
    public async Task LoggedOnceAsync() => Assert.Equal(LogBefore + 1, await ModerationState.AuditCountAsync(Forum));
}

/// <summary>
/// A row of the matrix: an endpoint (as the route table names it: method and pattern), the concrete request
/// the matrix makes, who may use it, and what success looks like. A refused caller gets the sign-in redirect
/// when anonymous and the access-denied redirect otherwise, unless <see cref="Refusals"/> says the endpoint
/// answers a particular caller differently; a refusal never changes the database.
/// </summary>
public sealed record Rule(
    string Method,
    string Pattern,
    string Path,
    Access Access,
    Func<Cell, Task> Succeeds,
    Dictionary<string, string?>? Fields = null,
    Target Target = Target.Content,
    bool FreshCaller = false,
    bool NeedsToken = true,
    Func<MatrixForum, Member, Targets, Task<ForumClient.Page>>? Act = null,
    IReadOnlyDictionary<Who, HttpStatusCode>? Refusals = null)
{
    public string Name => $"{Method} {Path}";

    public bool Allows(Who who) => AccessRules.Allows(Access, who) && Refusals?.ContainsKey(who) != true;

    /// <summary>The request's path with this cell's targets filled in.</summary>
    public string PathFor(Targets targets) => Path
        .Replace("{post}", $"{targets.PostId}", StringComparison.Ordinal)
        .Replace("{thread}", $"{targets.ThreadId}", StringComparison.Ordinal)
        .Replace("{user}", targets.UserId, StringComparison.Ordinal)
        .Replace("{contact}", $"{targets.ContactId}", StringComparison.Ordinal);

    /// <summary>The form the matrix sends, with this cell's targets and caller filled in.</summary>
    public Dictionary<string, string?> FieldsFor(Targets targets, Member caller, int injectionsTopicId) => (Fields ?? []).ToDictionary(
        f => f.Key,
        f => f.Value?.Replace("{email}", targets.Email, StringComparison.Ordinal).Replace("{user}", targets.UserId, StringComparison.Ordinal)
            .Replace("{password}", targets.Password, StringComparison.Ordinal).Replace("{caller-password}", caller.Password, StringComparison.Ordinal)
            .Replace("{unique}", targets.Unique, StringComparison.Ordinal).Replace("{guid}", $"{Guid.NewGuid()}", StringComparison.Ordinal)
            .Replace("{injections}", $"{injectionsTopicId}", StringComparison.Ordinal));
}
