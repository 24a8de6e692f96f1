using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;

namespace PatientForum.Tests.Features.Treatments;

/// <summary>Starts threads with treatment details through the real composer, and makes treatments of a test's own.</summary>
public static class TreatmentStories
{
    /// <summary>Valid details for <paramref name="treatment"/>, with the given pain scores; <paramref name="extra"/> replaces or adds fields.</summary>
    public static Dictionary<string, string?> Details(string treatment, int before, int after, params (string Name, string? Value)[] extra)
    {
        var fields = new Dictionary<string, string?>
        {
            ["Treatment.Treatment"] = treatment, ["Treatment.BodyArea"] = "Knee", ["Treatment.Month"] = "3", ["Treatment.Year"] = "2025",
            ["Treatment.PainBefore"] = $"{before}", ["Treatment.PainAfter"] = $"{after}", ["Treatment.WouldRepeat"] = "Yes",
        };
        foreach (var (name, value) in extra)
        {
            fields["Treatment." + name] = value;
        }
        return fields;
    }

    /// <summary>Submits the new-thread form with a title, a body and <paramref name="details"/>; the answer as it came.</summary>
    public static async Task<ForumClient.Page> StartAsync(Member member, string topic, string title, Dictionary<string, string?> details)
    {
        var form = await member.Client.GetOkAsync($"/t/{topic}/new");
        var fields = new Dictionary<string, string?>(details)
        {
            ["Title"] = title,
            ["Body"] = Canaries.PlantText("post body", $"How my treatment went {Guid.NewGuid():N}"),
        };
        return await member.Client.SubmitAsync(form, Compose.NewThreadForm, fields);
    }

    /// <summary>A topic and a treatment offered in it that only this test uses, so its charts count this test's stories alone.</summary>
    public static async Task<string> NewTreatmentAsync(ForumFactory factory, string topic)
    {
        var slug = "test-" + Guid.NewGuid().ToString("N")[..10];
        await WithDbAsync(factory, async db =>
        {
            db.Topics.Add(new Topic { Slug = topic, Name = "Test topic " + topic, SortOrder = 90 });
            db.Treatments.Add(new Treatment { Slug = slug, Name = "Test treatment " + slug[5..], TopicSlugs = topic, SortOrder = 50 });
            await db.SaveChangesAsync();
            return 0;
        });
        return slug;
    }

    public static async Task<T> WithDbAsync<T>(ForumFactory factory, Func<ForumDbContext, Task<T>> work)
    {
        using var scope = factory.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<ForumDbContext>());
    }

    public static Task<int> ThreadCountAsync(ForumFactory factory) => WithDbAsync(factory, db => db.Threads.CountAsync());
}
