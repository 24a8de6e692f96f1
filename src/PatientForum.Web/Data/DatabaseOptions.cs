using System.ComponentModel.DataAnnotations;

namespace PatientForum.Web.Data;

/// <summary>The <c>Forum:Database</c> section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Forum:Database";

    /// <summary>Which engine holds the forum. Sqlite needs no setup.</summary>
    [EnumDataType(typeof(DatabaseProvider), ErrorMessage = "Forum:Database:Provider must be Sqlite or Postgres.")]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// <c>ConnectionStrings:Forum</c>, where connection strings conventionally live (ConnectionStrings__Forum in the
    /// environment), copied here so that it is checked at start with the provider it is for. Empty on SQLite: the
    /// file forum.db in Forum:DataDirectory. Not bound from this section, hence no public setter.
    /// </summary>
    public string? ConnectionString { get; internal set; }
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
