using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;
using static PatientForum.Tests.Features.MembersOnly.MembersOnlyThreads;

namespace PatientForum.Tests.Features.MembersOnly;

/// <summary>A topic that is members-only as a whole ("membersOnly": true in seed/topics.json; set here in its database).</summary>
public sealed class MembersOnlyTopicTests(MembersOnlyTopicTests.TopicForum forum) : IClassFixture<MembersOnlyTopicTests.TopicForum>
{
    public const string Topic = "surgical-referral";

    public sealed class TopicForum : ForumFactory
    {
        private readonly Lazy<Task> _closed;

        public TopicForum() => _closed = new(() => ModerationState.QueryAsync(this, db =>
            db.Topics.Where(t => t.Slug == Topic).ExecuteUpdateAsync(s => s.SetProperty(t => t.MembersOnly, true))));

        public Task ClosedAsync() => _closed.Value;
    }

    [Fact]
    public void TopicsFile_MembersOnlyField_IsRead_AndTheShippedTopicsArePublic()
    {
        var folder = Directory.CreateDirectory(Path.Combine(forum.DataDirectory, "seed-" + Guid.NewGuid().ToString("N"))).FullName;
        File.WriteAllText(Path.Combine(folder, "topics.json"), """
            [{ "slug": "mental-health", "name": "Mental health", "description": "Living with it.", "order": 1, "membersOnly": true },
             { "slug": "open", "name": "Open", "description": "Anyone.", "order": 2 }]
            """);

        var topics = PatientForum.Web.Data.Seeding.SeedFiles.ReadTopics(folder);
        var shipped = PatientForum.Web.Data.Seeding.SeedFiles.ReadTopics(Path.Combine(RepoPaths.Root, "seed"));

        Assert.Equal([true, false], topics.Select(t => t.MembersOnly).ToArray());
        Assert.Equal(4, shipped.Count);
        Assert.All(shipped, t => Assert.False(t.MembersOnly));
    }

    [Fact]
    public async Task ThreadInAMembersOnlyTopic_IsMembersOnly_WhateverTheForm_AndTheComposerSaysWhy()
    {
        await forum.ClosedAsync();
        var author = await Members.RegisterConfirmedAsync(forum);
        var form = await author.Client.GetOkAsync($"/t/{Topic}/new");
        var title = Unique("Which surgeon to choose");

        var page = await author.Client.SubmitAsync(form, Compose.NewThreadForm, new Dictionary<string, string?>
        {
            ["Title"] = title, ["Body"] = "Asked for public, but the topic decides.", ["Audience"] = "Public",
        });
        var threadId = Compose.ThreadId(page.Url);
        var refused = await author.Client.PostAsync($"/threads/{threadId}/audience", new Dictionary<string, string?> { ["Audience"] = "Public" });

        Assert.Contains("Every thread in Surgical referral is for members only, so this one is too.", form.Text, StringComparison.Ordinal);
        Assert.All(form.Document.QuerySelectorAll("input[name=Audience]"), radio => Assert.True(radio.HasAttribute("disabled")));
        Assert.True(form.Document.QuerySelector("input[name=Audience][value=Members]")!.HasAttribute("checked"));
        Assert.Equal(ThreadAudience.Members, await ModerationState.QueryAsync(forum, db => db.Threads.Where(t => t.Id == threadId).Select(t => t.Audience).SingleAsync()));
        Assert.Null(page.Document.QuerySelector($"form[action='/threads/{threadId}/audience']"));
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
    }

    [Fact]
    public async Task MembersOnlyTopic_ForAVisitor_ListsAndCountsNoThreads_ButSaysWhy_WhileAMemberSeesThem()
    {
        await forum.ClosedAsync();
        var author = await Members.RegisterConfirmedAsync(forum);
        var reader = await Members.RegisterConfirmedAsync(forum);
        var title = Unique("Waiting for the referral letter");
        await Compose.StartThreadPathAsync(author, Topic, title, "Public as far as the form knew.");
        using var visitor = forum.CreateForumClient();

        var topic = await visitor.GetOkAsync($"/t/{Topic}");
        var home = await visitor.GetOkAsync("/");
        var card = home.Document.QuerySelectorAll(".topic-card").Single(c => c.QuerySelector($"a[href='/t/{Topic}']") is not null);

        Assert.DoesNotContain(title, topic.Text, StringComparison.Ordinal);
        Assert.Empty(topic.Document.QuerySelectorAll(".thread-row"));
        Assert.Contains("Threads in this topic are for signed-in members.", topic.Text, StringComparison.Ordinal);
        Assert.StartsWith("0 threads", card.QuerySelectorAll("p.muted")[^1].TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("Members only", card.TextContent, StringComparison.Ordinal);
        Assert.Contains(title, (await reader.Client.GetOkAsync($"/t/{Topic}")).Text, StringComparison.Ordinal);
    }
}
