using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Operations;

/// <summary>
/// The mail outbox is moving: the oldest message still waiting has waited at most <c>Forum:Health:OutboxMaxAgeMinutes</c>.
/// Mail is retried with back-off for about a day, so a mail server that refuses or cannot be reached shows here long
/// before a message fails for good. Its description names ages only, never a message.
/// </summary>
public sealed class OutboxHealthCheck(ForumDbContext db, TimeProvider clock, IOptions<HealthOptions> options) : IHealthCheck
{
    public const string Name = "outbox";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var oldest = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending)
            .MinAsync(m => (DateTime?)m.CreatedAt, cancellationToken);
        if (oldest is null)
        {
            return HealthCheckResult.Healthy("No mail is waiting.");
        }
        var waited = clock.GetUtcNow().UtcDateTime - DateTime.SpecifyKind(oldest.Value, DateTimeKind.Utc);
        var limit = TimeSpan.FromMinutes(options.Value.OutboxMaxAgeMinutes);
        var description = string.Create(CultureInfo.InvariantCulture,
            $"The oldest mail waiting has waited {Math.Max(0, (int)waited.TotalMinutes)} minutes (limit {options.Value.OutboxMaxAgeMinutes}).");
        return waited <= limit ? HealthCheckResult.Healthy(description) : new HealthCheckResult(context.Registration.FailureStatus, description);
    }
}
