using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace PatientForum.Web.Data.Seeding;

/// <summary>One treatment in seed/treatments.json; <paramref name="Topics"/> are the topics whose composer offers it (none: every topic).</summary>
public sealed record SeedTreatment(string Slug, string Name, string Description, IReadOnlyList<string> Topics, int Order);

/// <summary>
/// Brings the treatments in line with seed/treatments.json at every start, as the topics are. A treatment taken out of
/// the file stays in the database (records point at it) but is no longer offered: its order goes negative.
/// </summary>
public static class TreatmentSeeder
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<SeedTreatment> Read(string seedDirectory)
    {
        var path = Path.Combine(seedDirectory, "treatments.json");
        if (!File.Exists(path))
        {
            return [];
        }
        var treatments = JsonSerializer.Deserialize<List<SeedTreatment>>(File.ReadAllText(path), s_json)
            ?? throw new InvalidDataException($"{path} holds no treatments.");
        if (!treatments.Any(t => t.Slug == Treatment.OtherSlug))
        {
            throw new InvalidDataException($"{path} must list a treatment with the slug '{Treatment.OtherSlug}'.");
        }
        return treatments;
    }

    public static async Task UpsertAsync(ForumDbContext db, IReadOnlyList<SeedTreatment> seeds, CancellationToken cancellationToken)
    {
        var existing = await db.Treatments.ToDictionaryAsync(t => t.Slug, cancellationToken);
        // Topics are named by their slugs as they are now: an admin may have changed one the seed file still uses.
        var renamed = await db.TopicSlugRedirects.ToDictionaryAsync(r => r.Slug, r => r.Topic!.Slug, cancellationToken);
        foreach (var seed in seeds)
        {
            if (!existing.TryGetValue(seed.Slug, out var treatment))
            {
                treatment = new Treatment { Slug = seed.Slug, Name = seed.Name };
                db.Treatments.Add(treatment);
            }
            treatment.Name = seed.Name;
            treatment.Description = seed.Description;
            treatment.TopicSlugs = string.Join(' ', seed.Topics.Select(slug => renamed.GetValueOrDefault(slug, slug)));
            treatment.SortOrder = seed.Order;
        }
        var wanted = seeds.Select(s => s.Slug).ToHashSet(StringComparer.Ordinal);
        foreach (var retired in existing.Values.Where(t => !wanted.Contains(t.Slug) && t.SortOrder >= 0))
        {
            retired.SortOrder = -1;
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
