namespace PatientForum.Web.Features.Search;

/// <summary>
/// PostgreSQL's search index: a <c>tsvector</c> column on Posts with a GIN index, which triggers keep in step with
/// every write inside the same transaction, as SQLite's FTS5 triggers do. An opening post's vector carries its
/// thread's title at weight A, so title matches rank first. Used by the PostgreSQL migrations and by
/// <c>search rebuild</c>.
/// </summary>
public static class PostgresSearchSchema
{
    public const string CreateSql = """
        CREATE FUNCTION forum_post_search_vector(thread_id integer, is_opening boolean, markdown text) RETURNS tsvector
        LANGUAGE sql STABLE AS $$
            SELECT setweight(to_tsvector('english', CASE WHEN is_opening
                       THEN coalesce((SELECT "Title" FROM "Threads" WHERE "Id" = thread_id), '') ELSE '' END), 'A')
                || setweight(to_tsvector('english', coalesce(markdown, '')), 'B')
        $$;

        ALTER TABLE "Posts" ADD COLUMN "SearchVector" tsvector;
        CREATE INDEX "IX_Posts_SearchVector" ON "Posts" USING GIN ("SearchVector");

        CREATE FUNCTION forum_post_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW."SearchVector" := forum_post_search_vector(NEW."ThreadId", NEW."IsOpening", NEW."Markdown");
            RETURN NEW;
        END $$;
        CREATE TRIGGER "PostSearch_PostWritten" BEFORE INSERT OR UPDATE OF "Markdown", "IsOpening" ON "Posts"
            FOR EACH ROW EXECUTE FUNCTION forum_post_search_update();

        CREATE FUNCTION forum_thread_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE "Posts" SET "SearchVector" = forum_post_search_vector("ThreadId", "IsOpening", "Markdown")
            WHERE "ThreadId" = NEW."Id" AND "IsOpening";
            RETURN NULL;
        END $$;
        CREATE TRIGGER "PostSearch_ThreadRenamed" AFTER UPDATE OF "Title" ON "Threads"
            FOR EACH ROW EXECUTE FUNCTION forum_thread_search_update();
        """;

    public const string PopulateSql = """
        UPDATE "Posts" SET "SearchVector" = forum_post_search_vector("ThreadId", "IsOpening", "Markdown");
        """;

    public const string DropSql = """
        DROP TRIGGER IF EXISTS "PostSearch_ThreadRenamed" ON "Threads";
        DROP FUNCTION IF EXISTS forum_thread_search_update();
        DROP TRIGGER IF EXISTS "PostSearch_PostWritten" ON "Posts";
        DROP FUNCTION IF EXISTS forum_post_search_update();
        DROP INDEX IF EXISTS "IX_Posts_SearchVector";
        ALTER TABLE "Posts" DROP COLUMN IF EXISTS "SearchVector";
        DROP FUNCTION IF EXISTS forum_post_search_vector(integer, boolean, text);
        """;
}
