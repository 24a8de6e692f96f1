using Microsoft.AspNetCore.Hosting;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.StyleGuide;

/// <summary>
/// The style page in Development, where anyone may open it: each component is drawn by the pages' own partials, from
/// made-up data. Who may open it elsewhere (admins only) is in the authorization matrix.
/// </summary>
public sealed class StyleGuideTests(StyleGuideTests.DevelopmentForum factory) : IClassFixture<StyleGuideTests.DevelopmentForum>
{
    public sealed class DevelopmentForum : ForumFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
        }
    }

    [Fact]
    public async Task StyleGuide_InDevelopment_ShowsAVisitorEveryComponentFromThePagesPartials()
    {
        var page = await factory.CreateForumClient().GetOkAsync("/styleguide");

        Assert.Equal("Style guide", page.TextOf("h1"));
        Assert.Equal(5, page.Document.QuerySelectorAll(".post-list > article.post").Length);
        Assert.Equal(4, page.Document.QuerySelectorAll("ul.thread-list > li.thread-row").Length);
        Assert.Contains("pain 7", page.TextOf("ul.thread-list .thread-treatment"), StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("nav.pager a[aria-current='page']"));
        Assert.Equal("Enter an email address, like name@example.com.", page.TextOf("#SampleEmail-error"));
        Assert.Equal("true", page.Document.QuerySelector("#SampleEmail")?.GetAttribute("aria-invalid"));
        Assert.Equal(3, page.Document.QuerySelectorAll("#avatars ~ ul .avatar[aria-hidden='true']").Length);
        // A visitor sees a hidden post's notice, never its text: the partial decides, as on a thread page.
        Assert.DoesNotContain("staff and its author see the text", page.Text, StringComparison.Ordinal);
        Assert.Contains("This post was hidden by a moderator.", page.Text, StringComparison.Ordinal);
    }
}
