using System.Net;
using Microsoft.EntityFrameworkCore;

namespace PatientForum.Tests.Features.Security;

/// <summary>Treatment stories in the matrix: the pages that only read, and the record's form, its thread's author's alone.</summary>
public static class TreatmentTable
{
    public static readonly string[] ReadOnlyPages =
    [
        "treatments", "treatments/{slug}", "treatments/{slug}.json", "treatments/{slug}.csv", "treatments/{slug}/stories", "threads/{id:int}/treatment",
    ];

    public static readonly Rule[] Rules =
    [
        // A thread's treatment record: its author only, while they may post.
        new("POST", "threads/{id:int}/treatment", "/threads/{thread}/treatment", Access.Owner, async c =>
        {
            Assert.Equal(HttpStatusCode.Redirect, c.Page.Status);
            Assert.Equal(7, await c.QueryAsync(db => db.TreatmentRecords.Where(r => r.ThreadId == c.Targets.ThreadId).Select(r => r.PainBefore).SingleAsync()));
        }, Fields: new()
        {
            ["Treatment.Treatment"] = "prp", ["Treatment.BodyArea"] = "Knee", ["Treatment.Month"] = "1", ["Treatment.Year"] = "2024",
            ["Treatment.PainBefore"] = "7", ["Treatment.PainAfter"] = "3", ["Treatment.WouldRepeat"] = "Yes",
        }),
    ];
}
