using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PatientForum.Web.Data;

/// <summary>
/// The forum's one model: Identity's tables, the forum's own, and the Data Protection key ring (so every app
/// instance reads the same keys). The app asks for <see cref="ForumDbContext"/>; each database provider has a
/// subclass only so that its migrations live apart (<see cref="SqliteForumDbContext"/>, <see cref="PostgresForumDbContext"/>).
/// </summary>
public abstract class ForumDbContext(DbContextOptions options) : IdentityDbContext<ForumUser>(options), IDataProtectionKeyContext
{
    public DbSet<Topic> Topics => Set<Topic>();
    public DbSet<ForumThread> Threads => Set<ForumThread>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<PostRevision> PostRevisions => Set<PostRevision>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Flag> Flags => Set<Flag>();
    public DbSet<ModerationAction> ModerationActions => Set<ModerationAction>();
    public DbSet<ModeratorDigest> ModeratorDigests => Set<ModeratorDigest>();
    public DbSet<ContactSubmission> ContactSubmissions => Set<ContactSubmission>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationJob> NotificationJobs => Set<NotificationJob>();
    public DbSet<ThreadWatch> ThreadWatches => Set<ThreadWatch>();
    public DbSet<TopicWatch> TopicWatches => Set<TopicWatch>();
    public DbSet<ThreadVisit> ThreadVisits => Set<ThreadVisit>();
    public DbSet<MemberProfile> MemberProfiles => Set<MemberProfile>();
    public DbSet<PostReaction> PostReactions => Set<PostReaction>();
    public DbSet<Draft> Drafts => Set<Draft>();
    public DbSet<RemovedContent> RemovedContent => Set<RemovedContent>();
    public DbSet<MemberExport> MemberExports => Set<MemberExport>();
    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();
    public DbSet<DisplayNameHistory> DisplayNameHistory => Set<DisplayNameHistory>();
    public DbSet<ReadingAlert> ReadingAlerts => Set<ReadingAlert>();
    public DbSet<MemberAlias> MemberAliases => Set<MemberAlias>();
    public DbSet<Treatment> Treatments => Set<Treatment>();
    public DbSet<TreatmentRecord> TreatmentRecords => Set<TreatmentRecord>();
    public DbSet<TreatmentRecordRevision> TreatmentRecordRevisions => Set<TreatmentRecordRevision>();
    public DbSet<TreatmentAggregate> TreatmentAggregates => Set<TreatmentAggregate>();
    public DbSet<TreatmentTally> TreatmentTallies => Set<TreatmentTally>();
    public DbSet<TreatmentFollowUp> TreatmentFollowUps => Set<TreatmentFollowUp>();
    public DbSet<TreatmentPrompt> TreatmentPrompts => Set<TreatmentPrompt>();
    public DbSet<SiteSetting> SiteSettings => Set<SiteSetting>();
    public DbSet<TopicSlugRedirect> TopicSlugRedirects => Set<TopicSlugRedirect>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ForumDbContext).Assembly);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardAuditLog();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardAuditLog();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>The audit log is append-only: no code path may change or remove an entry.</summary>
    private void GuardAuditLog()
    {
        if (ChangeTracker.Entries<ModerationAction>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit log entries cannot be changed or deleted.");
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every time is stored in UTC; providers hand DateTime back as Unspecified, so mark it again on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

/// <summary>The embedded default. Migrations: Data/Migrations/Sqlite.</summary>
public sealed class SqliteForumDbContext(DbContextOptions<SqliteForumDbContext> options) : ForumDbContext(options);

/// <summary>For several app instances. Migrations: Data/Migrations/Postgres.</summary>
public sealed class PostgresForumDbContext(DbContextOptions<PostgresForumDbContext> options) : ForumDbContext(options);
