using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PatientForum.Web.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add … --context SqliteForumDbContext</c> (or PostgresForumDbContext) build the model
/// without a configured database; adding a migration never connects.
/// </summary>
public sealed class SqliteDesignTimeContext : IDesignTimeDbContextFactory<SqliteForumDbContext>
{
    public SqliteForumDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteForumDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <inheritdoc cref="SqliteDesignTimeContext"/>
public sealed class PostgresDesignTimeContext : IDesignTimeDbContextFactory<PostgresForumDbContext>
{
    public PostgresForumDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresForumDbContext>().UseNpgsql("Host=127.0.0.1;Database=design-time").Options);
}
