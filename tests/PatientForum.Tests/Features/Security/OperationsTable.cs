using System.Net;
using System.Text.Json;

namespace PatientForum.Tests.Features.Security;

/// <summary>
/// The matrix rows for what operators point their tools at. Health answers everyone with its status word and the status
/// code; only admins (and loopback, tested in the Operations tests) read each check. Metrics are off by default, so
/// nobody, admins included, finds them. None is a form: any method is answered and changes nothing.
/// </summary>
public static class OperationsTable
{
    public static readonly Rule[] Rules =
    [
        new("*", "/healthz", "/healthz", Access.Anyone, c => HealthAnswered(c, []), NeedsToken: false),
        new("*", "/healthz/ready", "/healthz/ready", Access.Anyone, c => HealthAnswered(c, ["database", "outbox"]), NeedsToken: false),
        new("*", "/metrics", "/metrics", Access.Anyone, c =>
        {
            Assert.Equal(HttpStatusCode.NotFound, c.Page.Status);
            Assert.DoesNotContain("patientforum_", c.Page.Text, StringComparison.Ordinal);
            return Task.CompletedTask;
        }, NeedsToken: false),
    ];

    private static Task HealthAnswered(Cell c, string[] checks)
    {
        c.Ok();
        if (c.Who != Who.Admin)
        {
            Assert.Equal("Healthy", c.Page.Text);
            return Task.CompletedTask;
        }
        using var details = JsonDocument.Parse(c.Page.Text);
        Assert.Equal("Healthy", details.RootElement.GetProperty("status").GetString());
        var names = details.RootElement.GetProperty("checks").EnumerateArray().Select(check => check.GetProperty("name").GetString()).ToList();
        Assert.All(checks, check => Assert.Contains(check, names));
        return Task.CompletedTask;
    }
}
