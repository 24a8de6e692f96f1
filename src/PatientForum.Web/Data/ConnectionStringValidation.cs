using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace PatientForum.Web.Data;

/// <summary>
/// Checks <c>ConnectionStrings:Forum</c> at start, for the provider Forum:Database:Provider names, so that a missing
/// or mistyped connection string stops the forum with the key's name rather than failing at the first query. The
/// value itself is never repeated in a message: it may hold a password.
/// </summary>
internal sealed class ConnectionStringValidation : IValidateOptions<DatabaseOptions>
{
    private const string PostgresExample = "\"Host=127.0.0.1;Database=patientforum;Username=patientforum;Password=...\"";

    public ValidateOptionsResult Validate(string? name, DatabaseOptions options) => options.Provider switch
    {
        DatabaseProvider.Sqlite => Sqlite(options.ConnectionString),
        DatabaseProvider.Postgres => Postgres(options.ConnectionString),

        // An unknown provider is reported by its own check.
        _ => ValidateOptionsResult.Skip,
    };

    private static ValidateOptionsResult Sqlite(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return ValidateOptionsResult.Success;
        }
        var builder = Parse(() => new SqliteConnectionStringBuilder(connectionString));
        if (builder is null)
        {
            return ValidateOptionsResult.Fail(
                "ConnectionStrings:Forum is not a SQLite connection string, e.g. \"Data Source=/var/lib/patientforum/forum.db\"; "
                + "leave it empty for forum.db in Forum:DataDirectory.");
        }
        return string.IsNullOrWhiteSpace(builder.DataSource)
            ? ValidateOptionsResult.Fail("ConnectionStrings:Forum must name the SQLite file with Data Source=...; leave it empty for forum.db in Forum:DataDirectory.")
            : ValidateOptionsResult.Success;
    }

    private static ValidateOptionsResult Postgres(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return ValidateOptionsResult.Fail(
                $"Forum:Database:Provider is Postgres, so ConnectionStrings:Forum must name the database, e.g. {PostgresExample}.");
        }
        var builder = Parse(() => new NpgsqlConnectionStringBuilder(connectionString));
        if (builder is null)
        {
            return ValidateOptionsResult.Fail($"ConnectionStrings:Forum is not a PostgreSQL connection string, e.g. {PostgresExample}.");
        }
        return string.IsNullOrWhiteSpace(builder.Host)
            ? ValidateOptionsResult.Fail($"ConnectionStrings:Forum must name the PostgreSQL server with Host=..., e.g. {PostgresExample}.")
            : ValidateOptionsResult.Success;
    }

    /// <summary>The parsed connection string, or null when a keyword is unknown, a value has the wrong form, or the text is not key=value pairs.</summary>
    private static T? Parse<T>(Func<T> parse)
        where T : class
    {
        try
        {
            return parse();
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            return null;
        }
    }
}
