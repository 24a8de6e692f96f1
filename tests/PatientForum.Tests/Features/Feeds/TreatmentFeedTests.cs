using System.Net;
using PatientForum.Tests.Infrastructure;
using static PatientForum.Tests.Features.Feeds.Feeding;
using static PatientForum.Tests.Features.Treatments.TreatmentStories;

namespace PatientForum.Tests.Features.Feeds;

/// <summary>A treatment's feed: its newest public stories, the ones its page counts and links to, and nothing else.</summary>
public sealed class TreatmentFeedTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    [Fact]
    public async Task TreatmentFeed_InBothFormats_ListsThePublicCountedStoriesNewestFirst_NeverMembersOnlyOrKeptOut()
    {
        var topic = "t" + $"k{Guid.NewGuid():N}"[..8];
        var treatment = await NewTreatmentAsync(factory, topic);
        var member = await Members.RegisterConfirmedAsync(factory);
        await StartAsync(member, topic, "First public story", Details(treatment, 7, 3));
        var membersOnly = Details(treatment, 6, 2);
        membersOnly["Audience"] = "Members";
        await StartAsync(member, topic, "A story for members", membersOnly);
        await StartAsync(member, topic, "Kept out of the charts", Details(treatment, 5, 4, ("KeepOutOfCharts", "true")));
        await StartAsync(member, topic, "Second public story", Details(treatment, 8, 2));
        var visitor = factory.CreateForumClient();

        foreach (var format in Formats)
        {
            var (_, feed) = await LoadAsync(visitor, $"/treatments/{treatment}/feed.{format}");
            Assert.Equal(["Second public story", "First public story"], feed.Items.Select(i => i.Title.Text));
            Assert.All(feed.Items, item => Assert.Equal(member.DisplayName, AuthorOf(item)));
        }
        var page = await visitor.GetOkAsync($"/treatments/{treatment}");
        Assert.Equal(
            [$"{PublicUrl(factory)}/treatments/{treatment}/feed.rss", $"{PublicUrl(factory)}/treatments/{treatment}/feed.atom"],
            page.Document.QuerySelectorAll("link[rel=alternate]").Select(l => l.GetAttribute("href")));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/treatments/no-such-treatment/feed.rss")).Status);
    }
}
