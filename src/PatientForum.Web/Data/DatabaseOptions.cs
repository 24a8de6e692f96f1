using System.ComponentModel.DataAnnotations;

namespace PatientForum.Web.Data;

/// <summary>The <c>Forum:Database</c> section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Forum:Database";

    /// <summary>Which engine holds the forum. Sqlite needs no setup.</summary>
    [EnumDataType(typeof(DatabaseProvider), ErrorMessage = "Forum:Database:Provider must be Sqlite or Postgres.")]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
