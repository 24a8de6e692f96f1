namespace PatientForum.Tests.Infrastructure;

/// <summary>A fact about a SQLite-only setting (such as WAL); reported as skipped, with the reason, on the PostgreSQL run.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestDatabase.IsPostgres)
        {
            Skip = "A SQLite setting; PostgreSQL has no equivalent.";
        }
    }
}

/// <summary>A fact about how the forum behaves on PostgreSQL; reported as skipped, with the reason, on the SQLite run.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestDatabase.IsPostgres)
        {
            Skip = "About PostgreSQL; runs on the PostgreSQL pass of the suite.";
        }
    }
}
