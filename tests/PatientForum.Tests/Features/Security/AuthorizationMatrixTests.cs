using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using static PatientForum.Tests.Infrastructure.RawRequests;

namespace PatientForum.Tests.Features.Security;

/// <summary>
/// Every state-changing endpoint and every staff page (from the route table) tried by each of the eight kinds of
/// caller: allowed callers succeed and the change is there; refused callers get the sign-in redirect (visitors)
/// or the access-denied answer, which the access-denied page repeats as a 403, and the database is exactly as it
/// was. Every POST needs its antiforgery token, for admins too. The hub methods have a matrix of their own in
/// <see cref="HubAuthorizationMatrixTests"/>.
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixForum forum) : IClassFixture<MatrixForum>
{
    public static TheoryData<string, Who> Cells() => CellsOf(AuthorizationTable.Rules);

    public static TheoryData<string, Who> PostCells() => CellsOf(AuthorizationTable.Rules.Where(r => r.Method == "POST" && r.NeedsToken));

    [Fact]
    public void RouteTable_EveryEndpoint_IsInTheMatrixOrListedAsReadOnly_AndEveryRowStillExists()
    {
        var discovered = forum.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods
                ? methods.Select(m => $"{m} {e.RoutePattern.RawText}")
                : [$"* {e.RoutePattern.RawText}"])
            .ToHashSet();
        var rows = AuthorizationTable.Rules.Select(r => $"{r.Method} {r.Pattern}").ToHashSet();
        var readOnly = AuthorizationTable.ReadOnlyPages.Select(p => $"GET {p}").ToHashSet();

        var missing = discovered.Where(e => !rows.Contains(e) && !readOnly.Contains(e)).Order().ToList();
        var gone = rows.Concat(readOnly).Where(r => !discovered.Contains(r)).Order().ToList();

        Assert.True(missing.Count == 0, $"Endpoints with no row in AuthorizationTable (add one, or list a GET that only reads): {string.Join(", ", missing)}");
        Assert.True(gone.Count == 0, $"Rows for endpoints the forum no longer has: {string.Join(", ", gone)}");
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Endpoint_ByEachKindOfCaller_AllowedSucceeds_RefusedIsTurnedAwayAndChangesNothing(string rule, Who who)
    {
        var row = AuthorizationTable.Rules.Single(r => r.Name == rule);
        var allowed = row.Allows(who);
        var caller = allowed && row.FreshCaller ? await forum.FreshAsync(who) : await forum.CastAsync(who);
        var targets = await TargetsAsync(row, allowed);
        // What a request changed is compared whole for refusals and GETs; a POST that may is checked by its row.
        var before = allowed && row.Method != "GET" ? null : await ForumFingerprint.TakeAsync(forum);
        var logBefore = await ModerationState.AuditCountAsync(forum);

        var page = allowed && row.Act is not null
            ? await row.Act(forum, caller, targets)
            : row.Method == "GET"
                ? await caller.Client.GetAsync(row.PathFor(targets))
                : await caller.Client.PostAsync(row.PathFor(targets), row.FieldsFor(targets, caller, await InjectionsAsync()));

        Assert.True((int)page.Status < 500, $"{rule} as {who} answered {(int)page.Status}");
        if (allowed)
        {
            await row.Succeeds(new Cell(forum, who, caller, targets, page, before, logBefore));
            return;
        }
        await AssertRefusedAsync(row, who, caller, page);
        Assert.Equal(before, await ForumFingerprint.TakeAsync(forum));
    }

    [ProviderNeutralTheory]
    [MemberData(nameof(PostCells))]
    public async Task Post_WithoutAntiforgeryToken_IsRefusedForEveryone_AndChangesNothing(string rule, Who who)
    {
        var row = AuthorizationTable.Rules.Single(r => r.Name == rule);
        var caller = await forum.CastAsync(who);
        var targets = await forum.SharedTargetsAsync(row.Target);
        var before = await ForumFingerprint.TakeAsync(forum);

        var fields = row.FieldsFor(targets, caller, await InjectionsAsync()).Select(f => (f.Key, f.Value ?? "")).ToArray();
        var page = await PostFormAsync(caller.Client, row.PathFor(targets), fields);

        if (row.Allows(who))
        {
            Assert.True(page.Status == HttpStatusCode.BadRequest, $"{rule} as {who} without a token answered {(int)page.Status}");
        }
        else if (page.Status != HttpStatusCode.BadRequest)
        {
            // The authorization middleware answers before the token is checked: a refusal either way.
            await AssertRefusedAsync(row, who, caller, page);
        }
        Assert.Equal(before, await ForumFingerprint.TakeAsync(forum));
    }

    private static async Task AssertRefusedAsync(Rule row, Who who, Member caller, ForumClient.Page page)
    {
        if (row.Refusals?.TryGetValue(who, out var status) == true)
        {
            Assert.Equal(status, page.Status);
            return;
        }
        // An unconfirmed member's sign-in is refused, so they reach the forum as a visitor.
        var visitor = who is Who.Anonymous or Who.Unconfirmed;
        var expected = visitor ? "/account/login" : "/account/access-denied";
        Assert.True(page.Status == HttpStatusCode.Redirect && LocationPath(page) == expected,
            $"{row.Name} as {who}: expected a redirect to {expected}, got {(int)page.Status} {LocationPath(page)}");
        if (!visitor)
        {
            var denied = new Uri(new Uri("http://localhost"), page.Response.Headers.Location!).PathAndQuery;
            Assert.Equal(HttpStatusCode.Forbidden, (await caller.Client.GetAsync(denied)).Status);
        }
    }

    /// <summary>Fresh targets for a cell that may change them; shared ones for a refusal, which must change nothing.</summary>
    private async Task<Targets> TargetsAsync(Rule row, bool allowed)
    {
        var shared = await forum.SharedTargetsAsync(row.Target);
        var content = row.Path.Contains("{post}", StringComparison.Ordinal) || row.Path.Contains("{thread}", StringComparison.Ordinal);
        var contact = row.Path.Contains("{contact}", StringComparison.Ordinal);
        var fresh = allowed && (content || contact || row.Target != Target.Content);
        return fresh ? await forum.NewTargetsAsync(row.Target, content, contact) : shared with { Unique = Guid.NewGuid().ToString("N")[..12] };
    }

    private Task<int> InjectionsAsync() =>
        ModerationState.QueryAsync(forum, db => db.Topics.Where(t => t.Slug == "injections").Select(t => t.Id).SingleAsync());

    private static TheoryData<string, Who> CellsOf(IEnumerable<Rule> rules)
    {
        var data = new TheoryData<string, Who>();
        foreach (var rule in rules)
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                data.Add(rule.Name, who);
            }
        }
        return data;
    }
}
