using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Infrastructure;
using static PatientForum.Tests.Features.Treatments.TreatmentStories;

namespace PatientForum.Tests.Features.Treatments;

/// <summary>"How is it now?": the author's follow-up, posted as a reply marked as one and kept with the record.</summary>
public sealed class FollowUpTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    private const string Topic = "biologics";

    [Fact]
    public async Task FollowUp_ByTheAuthor_IsPostedAsAMarkedReplyAndKeptWithTheRecord()
    {
        var (author, threadId) = await StoryAsync();
        var thread = await author.Client.GetOkAsync($"/threads/{threadId}");
        var form = await author.Client.GetOkAsync(thread.Document.QuerySelector("section.treatment-summary a[href$='/follow-up']")!.GetAttribute("href")!);

        var page = await author.Client.SubmitAsync(form, "form.composer", new Dictionary<string, string?> { ["Pain"] = "2", ["Note"] = "Walking the dog again, most days." });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var posts = page.Document.QuerySelectorAll("article.post");
        var reply = posts[^1];
        Assert.Equal("Follow-up", reply.QuerySelector(".follow-up-badge")?.TextContent);
        Assert.Contains("pain 2 out of 10 (it was 7 before)", reply.TextContent, StringComparison.Ordinal);
        Assert.Contains("Walking the dog again, most days.", reply.TextContent, StringComparison.Ordinal);
        var saved = await WithDbAsync(factory, db => db.TreatmentFollowUps.AsNoTracking().SingleAsync(f => f.Post!.ThreadId == threadId));
        Assert.Equal((2, "Walking the dog again, most days."), (saved.Pain, saved.Note));
        var now = DateTime.UtcNow;
        Assert.Equal((now.Year - 2025) * 12 + now.Month - 3, saved.MonthsSince);
        Assert.Null(posts[0].QuerySelector(".follow-up-badge"));
    }

    [Theory]
    [InlineData("11", "Give your pain now as a whole number from 0 (none) to 10 (worst).")]
    [InlineData("", "Give your pain now as a whole number from 0 (none) to 10 (worst).")]
    public async Task FollowUp_WithPainOutOfRange_Answers422KeepsTheNoteAndPostsNothing(string pain, string message)
    {
        var (author, threadId) = await StoryAsync();
        var form = await author.Client.GetOkAsync($"/threads/{threadId}/follow-up");

        var page = await author.Client.SubmitAsync(form, "form.composer", new Dictionary<string, string?> { ["Pain"] = pain, ["Note"] = "Kept note" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Equal(message, page.TextOf("#Pain-error"));
        Assert.Equal("Kept note", page.Document.QuerySelector("#Note")!.TextContent);
        Assert.Equal(0, await WithDbAsync(factory, db => db.Posts.CountAsync(p => p.ThreadId == threadId && !p.IsOpening)));
    }

    [Fact]
    public async Task FollowUp_OnALockedThreadOrWhileSuspended_IsRefusedWithTheFormAndNoteKept()
    {
        var (locked, lockedId) = await StoryAsync();
        var (suspended, suspendedId) = await StoryAsync();
        var lockedForm = await locked.Client.GetOkAsync($"/threads/{lockedId}/follow-up");
        var suspendedForm = await suspended.Client.GetOkAsync($"/threads/{suspendedId}/follow-up");
        await WithDbAsync(factory, async db =>
        {
            await db.Threads.Where(t => t.Id == lockedId).ExecuteUpdateAsync(set => set.SetProperty(t => t.IsLocked, true));
            return await db.Users.Where(u => u.Email == suspended.Email).ExecuteUpdateAsync(set => set.SetProperty(u => u.SuspendedUntil, DateTime.MaxValue));
        });

        var lockedPage = await locked.Client.SubmitAsync(lockedForm, "form.composer", new Dictionary<string, string?> { ["Pain"] = "3", ["Note"] = "Locked note" });
        var suspendedPage = await suspended.Client.SubmitAsync(suspendedForm, "form.composer", new Dictionary<string, string?> { ["Pain"] = "3", ["Note"] = "Suspended note" });

        Assert.Equal(HttpStatusCode.Forbidden, lockedPage.Status);
        Assert.Contains("locked", lockedPage.TextOf(".refusal")!, StringComparison.Ordinal);
        Assert.Equal("Locked note", lockedPage.Document.QuerySelector("#Note")!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, suspendedPage.Status);
        Assert.Contains("suspended", suspendedPage.TextOf(".refusal")!, StringComparison.Ordinal);
        Assert.Equal("Suspended note", suspendedPage.Document.QuerySelector("#Note")!.TextContent);
        Assert.False(await WithDbAsync(factory, db => db.TreatmentFollowUps.AnyAsync(f => f.Post!.ThreadId == lockedId || f.Post!.ThreadId == suspendedId)));
    }

    [Fact]
    public async Task FollowUpForm_ByAnotherMember_IsForbiddenAndOnAThreadWithoutARecordNotFound()
    {
        var (_, threadId) = await StoryAsync();
        var other = await Members.RegisterConfirmedAsync(factory);
        var plain = await StartAsync(other, Topic, $"No record here {Guid.NewGuid():N}"[..30], []);

        var forbidden = await other.Client.GetAsync($"/threads/{threadId}/follow-up");
        var missing = await other.Client.GetAsync($"/threads/{Compose.ThreadId(plain.Url)}/follow-up");

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
    }

    private async Task<(Member Author, int ThreadId)> StoryAsync()
    {
        var author = await Members.RegisterConfirmedAsync(factory);
        var page = await StartAsync(author, Topic, $"PRP story {Guid.NewGuid():N}"[..30], Details("prp", 7, 3));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return (author, Compose.ThreadId(page.Url));
    }
}
