using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace PatientForum.Benchmarks;

/// <summary>
/// What a treatment's size costs (issue #21): two treatments in one forum, one with 100 stories and one with 100,000
/// (written straight into the database and counted by the app itself, see <see cref="WaitForChartsAsync"/>),
/// and for each the treatment page's rate and latency, served from the page cache and rendered with the cache off
/// (a second forum process on the same database), then the latency of adding one story through the new-thread form,
/// which updates the charts' aggregates before it answers. Prints each figure and the ratio large / small; asserts
/// nothing. Runs on SQLite, or on PostgreSQL with FORUM_TEST_PROVIDER=Postgres, like the suite.
/// </summary>
public static class TreatmentsBenchmark
{
    private const string Topic = "rehab";

    public static async Task<int> RunAsync(Options options)
    {
        var sizes = new[] { options.Number("small", 100), options.Number("large", 100_000) };
        var seconds = options.Number("seconds", 3);
        var stories = options.Number("stories", 30);
        var quiet = new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning" };
        await using var forum = new ForumServer(quiet);
        await forum.StartAsync();
        using var member = await ForumClient.CreateConfirmedMemberAsync(forum);

        // The same session, but the redirect after a story is not followed: its timing is the POST alone.
        using var author = new ForumClient(
            new HttpClient(new HttpClientHandler { CookieContainer = member.Cookies, AllowAutoRedirect = false }) { BaseAddress = member.Http.BaseAddress },
            member.Cookies, member.Mail);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Treatments on {(TestDatabase.IsPostgres ? "PostgreSQL" : "SQLite")}: {sizes[0]:N0} against {sizes[1]:N0} stories, pages driven for {seconds} s each by 8 loops after as long unmeasured, {stories} stories added to each one at a time, {Environment.ProcessorCount} cores"));

        var slugs = new List<string>();
        foreach (var size in sizes)
        {
            var watch = Stopwatch.StartNew();
            var slug = await TreatmentCorpus.AddAsync(forum.Database, member.Email, size);
            // One story through the form as well, so the treatment's rows are written by the app (counted: see below).
            await AddStoryAsync(author, slug, 0);
            slugs.Add(slug);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {size + 1,9:N0} stories written in {watch.Elapsed.TotalSeconds:F1} s"));
        }

        await using var uncached = new ForumServer(new Dictionary<string, string>(quiet)
        {
            ["Forum__DataDirectory"] = forum.DataDirectory,
            ["Forum__PageCacheEnabled"] = "false",
        }, forum.Database);
        await uncached.StartAsync();

        for (var i = 0; i < sizes.Length; i++)
        {
            await WaitForChartsAsync(forum.Database, slugs[i], sizes[i] + 1);
        }

        // Its start-up seeded the treatments, retiring those that are not in seed/treatments.json, as these are not.
        await forum.Database.ExecuteAsync("""UPDATE "Treatments" SET "SortOrder" = 90 WHERE "Slug" LIKE 'bench-%'""");

        // Both pages of both processes once first, unmeasured, so that neither size pays for the other's JIT work.
        foreach (var server in new[] { forum, uncached })
        {
            foreach (var slug in slugs)
            {
                await PageLoad.RunAsync(server.BaseUrl, $"/treatments/{slug}", seconds);
            }
        }
        var hits = new List<Throughput>();
        var misses = new List<Throughput>();
        for (var i = 0; i < sizes.Length; i++)
        {
            hits.Add(await PageLoad.RunAsync(forum.BaseUrl, $"/treatments/{slugs[i]}", seconds));
            Console.WriteLine($"  treatment page, cache hit,  {sizes[i],7:N0} stories: {hits[i]}");
            misses.Add(await PageLoad.RunAsync(uncached.BaseUrl, $"/treatments/{slugs[i]}", seconds));
            Console.WriteLine($"  treatment page, cache miss, {sizes[i],7:N0} stories: {misses[i]}");
        }
        await uncached.StopAsync();

        var adds = new List<Latency> { await AddStoriesAsync(author, slugs[0], stories), await AddStoriesAsync(author, slugs[1], stories) };
        for (var i = 0; i < sizes.Length; i++)
        {
            Console.WriteLine($"  add one story (new-thread POST), {sizes[i],7:N0} stories: {adds[i]}");
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
              ratios at {sizes[1]:N0} / at {sizes[0]:N0} stories:
                page, cache hit:  req/s {hits[1].RequestsPerSecond / hits[0].RequestsPerSecond:F2}  p50 {hits[1].P50 / hits[0].P50:F2}
                page, cache miss: req/s {misses[1].RequestsPerSecond / misses[0].RequestsPerSecond:F2}  p50 {misses[1].P50 / misses[0].P50:F2}
                add one story:    p50 {adds[1].P50 / adds[0].P50:F2}  p99 {adds[1].P99 / adds[0].P99:F2}
            """));
        await forum.StopAsync();
        return 0;
    }

    /// <summary>
    /// Waits until the treatment's charts count every story: the first story's count does it, where each story counts
    /// its whole treatment again; where stories are counted one at a time, the check at start-up (TreatmentTallyRepair)
    /// counts the records written without the app.
    /// </summary>
    private static async Task WaitForChartsAsync(TestDatabase database, string slug, int stories)
    {
        const string counted = """
            SELECT COALESCE(MAX(a."Stories"), 0) FROM "TreatmentAggregates" a JOIN "Treatments" t ON t."Id" = a."TreatmentId"
            WHERE t."Slug" = @slug AND a."BodyArea" = 0 AND a."Scope" = 1
            """;
        var watch = Stopwatch.StartNew();
        while (await database.ScalarAsync<int>(counted, ("slug", slug)) != stories)
        {
            if (watch.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException($"The charts of {slug} do not count its {stories} stories.");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Adds stories one after another, timing only the POST (the form is fetched first), redirect not followed.</summary>
    private static async Task<Latency> AddStoriesAsync(ForumClient author, string slug, int count)
    {
        // The first few warm up the path for this treatment; they are not timed.
        for (var i = 0; i < 3; i++)
        {
            await AddStoryAsync(author, slug, i);
        }
        var samples = new List<double>();
        for (var i = 0; i < count; i++)
        {
            samples.Add(await AddStoryAsync(author, slug, i));
        }
        return Latency.From(samples);
    }

    /// <summary>Starts a thread with a treatment story through the real composer; returns the POST's milliseconds.</summary>
    private static async Task<double> AddStoryAsync(ForumClient author, string slug, int i)
    {
        var form = await author.GetOkAsync($"/t/{Topic}/new");
        var fields = new Dictionary<string, string?>
        {
            ["Title"] = $"How the benchmark treatment went for me, story {i}",
            ["Body"] = "A benchmark story: what the treatment was like and how the pain changed afterwards.",
            ["Treatment.Treatment"] = slug,
            ["Treatment.BodyArea"] = "Knee",
            ["Treatment.Month"] = "3",
            ["Treatment.Year"] = "2025",
            ["Treatment.PainBefore"] = $"{(i * 7 + 3) % 11}",
            ["Treatment.PainAfter"] = $"{(i * 3 + 1) % 11}",
            ["Treatment.WouldRepeat"] = "Yes",
        };
        var watch = Stopwatch.StartNew();
        var page = await author.SubmitAsync(form, "form.composer", fields);
        var elapsed = watch.Elapsed.TotalMilliseconds;
        return page.Status is HttpStatusCode.Redirect or HttpStatusCode.SeeOther
            ? elapsed
            : throw new InvalidOperationException($"The story was not saved ({(int)page.Status}): {string.Join(" | ", page.TextsOf(".field-validation-error, .validation-summary-errors, [role=alert]"))}");
    }
}
