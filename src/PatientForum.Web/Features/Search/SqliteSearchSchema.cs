namespace PatientForum.Web.Features.Search;

/// <summary>
/// The FTS5 table and the triggers that keep it in step with posts, in the same transaction as every
/// write. Used by the Search migration and by <c>search rebuild</c>.
/// </summary>
public static class SqliteSearchSchema
{
    public const string CreateSql = """
        CREATE VIRTUAL TABLE PostSearch USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
        CREATE TRIGGER PostSearch_PostInserted AFTER INSERT ON Posts BEGIN
            INSERT INTO PostSearch(rowid, title, body)
            VALUES (new.Id, CASE WHEN new.IsOpening THEN (SELECT Title FROM Threads WHERE Id = new.ThreadId) ELSE '' END, new.Markdown);
        END;
        CREATE TRIGGER PostSearch_PostEdited AFTER UPDATE OF Markdown, IsOpening ON Posts BEGIN
            DELETE FROM PostSearch WHERE rowid = old.Id;
            INSERT INTO PostSearch(rowid, title, body)
            VALUES (new.Id, CASE WHEN new.IsOpening THEN (SELECT Title FROM Threads WHERE Id = new.ThreadId) ELSE '' END, new.Markdown);
        END;
        CREATE TRIGGER PostSearch_PostDeleted AFTER DELETE ON Posts BEGIN
            DELETE FROM PostSearch WHERE rowid = old.Id;
        END;
        CREATE TRIGGER PostSearch_ThreadRenamed AFTER UPDATE OF Title ON Threads BEGIN
            UPDATE PostSearch SET title = new.Title WHERE rowid IN (SELECT Id FROM Posts WHERE ThreadId = new.Id AND IsOpening);
        END;
        """;

    public const string PopulateSql = """
        INSERT INTO PostSearch(rowid, title, body)
        SELECT p.Id, CASE WHEN p.IsOpening THEN t.Title ELSE '' END, p.Markdown
        FROM Posts p JOIN Threads t ON t.Id = p.ThreadId;
        """;

    /// <summary>
    /// Rebuilds the table with prefix indexes of 3 and 4 characters, so a prefix search (the shortest allowed is
    /// <see cref="SearchQueryParser.MinPrefixLength"/>) reads one entry of the index instead of merging every word
    /// that starts with it. The triggers are on Posts and Threads and name the table, so they carry on as they are.
    /// Used by the SearchPrefixIndex migration, which upgrades existing databases at start.
    /// </summary>
    public const string AddPrefixIndexSql = """
        DROP TABLE PostSearch;
        CREATE VIRTUAL TABLE PostSearch USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '3 4');
        """ + PopulateSql;

    /// <summary>The table as <see cref="CreateSql"/> first made it, for the SearchPrefixIndex migration's Down.</summary>
    public const string RemovePrefixIndexSql = """
        DROP TABLE PostSearch;
        CREATE VIRTUAL TABLE PostSearch USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
        """ + PopulateSql;

    public const string DropSql = """
        DROP TRIGGER IF EXISTS PostSearch_PostInserted;
        DROP TRIGGER IF EXISTS PostSearch_PostEdited;
        DROP TRIGGER IF EXISTS PostSearch_PostDeleted;
        DROP TRIGGER IF EXISTS PostSearch_ThreadRenamed;
        DROP TABLE IF EXISTS PostSearch;
        """;
}
