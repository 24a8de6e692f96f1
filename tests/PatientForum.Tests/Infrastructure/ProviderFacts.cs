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

/// <summary>
/// A fact about the scale-out set-up that builds its own PostgreSQL database and Redis (or copies into one) whatever
/// the pass: it would run the same test twice, so it runs once, on the PostgreSQL pass, whose forums are scaled out.
/// </summary>
public sealed class ScaleOutFactAttribute : FactAttribute
{
    public ScaleOutFactAttribute()
    {
        if (!TestDatabase.IsPostgres)
        {
            Skip = "Builds its own PostgreSQL and Redis; runs once, on the PostgreSQL pass of the suite.";
        }
    }
}

/// <summary>
/// A theory about what is decided before any database work (the antiforgery check refuses a request before its
/// action runs): the provider cannot change the answer, so it runs once, on the SQLite pass.
/// </summary>
public sealed class ProviderNeutralTheoryAttribute : TheoryAttribute
{
    public ProviderNeutralTheoryAttribute()
    {
        if (TestDatabase.IsPostgres)
        {
            Skip = "Decided before the database is reached; runs once, on the SQLite pass of the suite.";
        }
    }
}
