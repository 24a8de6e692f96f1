using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Web.Data;

namespace PatientForum.Tests.Features.Security;

/// <summary>The matrix's row for changing who may read a thread: its author, and moderators (whose change is audited).</summary>
public static class AudienceTable
{
    // Members who did not start the thread are told it is not theirs; the policy lets a suspended author change it.
    private static readonly Dictionary<Who, HttpStatusCode> s_notTheirs = new()
    {
        [Who.Member] = HttpStatusCode.Forbidden, [Who.Other] = HttpStatusCode.Forbidden, [Who.Suspended] = HttpStatusCode.Forbidden,
    };

    public static readonly Rule[] Rules =
    [
        new("POST", "threads/{id:int}/audience", "/threads/{thread}/audience", Access.CanPost, async c =>
        {
            Assert.Equal(HttpStatusCode.Redirect, c.Page.Status);
            Assert.Equal(ThreadAudience.Members, await c.QueryAsync(db => db.Threads.Where(t => t.Id == c.Targets.ThreadId).Select(t => t.Audience).SingleAsync()));
            if (c.Who is Who.Moderator or Who.Admin)
            {
                await c.LoggedOnceAsync();
                Assert.Equal(ModerationKind.MakeThreadMembersOnly, await c.QueryAsync(db => db.ModerationActions.OrderByDescending(a => a.Id).Select(a => a.Kind).FirstAsync()));
            }
            else
            {
                Assert.Equal(c.LogBefore, await ModerationState.AuditCountAsync(c.Forum));
            }
        }, Fields: new() { ["Audience"] = "Members", ["Reason"] = "Matrix {unique}" }, Refusals: s_notTheirs),
    ];
}
