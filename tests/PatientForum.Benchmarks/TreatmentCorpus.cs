namespace PatientForum.Benchmarks;

/// <summary>
/// A treatment with many stories, written straight into the database in a few statements (making each through the
/// form would take hours at 100,000): a thread, its visible opening post and its record per story, in the "rehab"
/// topic, by one member, public, spread over every body area and pain score. The records ask for no follow-up prompts,
/// so the prompter does not mail 100,000 of them. SQL that runs on both providers. The aggregates are left to the app.
/// </summary>
public static class TreatmentCorpus
{
    private const string Numbers = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @count) ";

    /// <summary>Adds the treatment and its <paramref name="stories"/> stories; returns its slug.</summary>
    public static async Task<string> AddAsync(TestDatabase database, string authorEmail, int stories)
    {
        var slug = $"bench-{stories}-{Guid.NewGuid().ToString("N")[..6]}";
        await database.ExecuteAsync("""
            INSERT INTO "Treatments" ("Slug", "Name", "Description", "TopicSlugs", "SortOrder")
            VALUES (@slug, @name, '', '', 90)
            """, ("slug", slug), ("name", $"Benchmark treatment {slug[6..]}"));
        var treatment = await database.ScalarAsync<int>("""SELECT "Id" FROM "Treatments" WHERE "Slug" = @slug""", ("slug", slug));
        var author = await database.ScalarAsync<string>("""SELECT "Id" FROM "AspNetUsers" WHERE "Email" = @email""", ("email", authorEmail));
        var topic = await database.ScalarAsync<int>("""SELECT "Id" FROM "Topics" WHERE "Slug" = 'rehab'""");
        await database.ExecuteAsync(Numbers + """
            INSERT INTO "Threads" ("TopicId", "Title", "Slug", "AuthorId", "CreatedAt", "LastActivityAt", "ReplyCount", "IsPinned", "PinOrder",
                "IsLocked", "IsHidden", "Audience")
            SELECT @topic, 'Benchmark story ' || i, @slug || '-story-' || i, @author, '2025-06-01 00:00:00', '2025-06-01 00:00:00', 0, FALSE, 0,
                FALSE, FALSE, 0
            FROM n
            """, ("count", stories), ("topic", topic), ("slug", slug), ("author", author));
        const string ofTreatment = """ FROM "Threads" t WHERE t."Slug" LIKE @prefix""";
        await database.ExecuteAsync("""
            INSERT INTO "Posts" ("ThreadId", "AuthorId", "Markdown", "Html", "CreatedAt", "IsOpening", "State", "EditedByModerator", "NeverPublished")
            SELECT t."Id", t."AuthorId", 'How the treatment went.', '<p>How the treatment went.</p>', t."CreatedAt", TRUE, 0, FALSE, FALSE
            """ + ofTreatment, ("prefix", slug + "-story-%"));
        await database.ExecuteAsync("""
            INSERT INTO "TreatmentRecords" ("ThreadId", "TreatmentId", "BodyArea", "TreatedYear", "TreatedMonth", "PainBefore", "PainAfter",
                "ReliefAmount", "ReliefUnit", "SideEffects", "WouldRepeat", "IncludeInCharts", "FollowUpPromptsOff", "CreatedAt")
            SELECT t."Id", @treatment, 1 + t."Id" % 10, 2025, 1 + t."Id" % 12, 3 + t."Id" % 8, t."Id" % 7,
                CASE WHEN t."Id" % 3 = 0 THEN NULL ELSE 1 + t."Id" % 20 END, CASE WHEN t."Id" % 3 = 0 THEN NULL ELSE 1 + t."Id" % 2 END,
                t."Id" % 256, 1 + t."Id" % 3, TRUE, TRUE, '2025-06-01 00:00:00'
            """ + ofTreatment, ("prefix", slug + "-story-%"), ("treatment", treatment));
        return slug;
    }
}
