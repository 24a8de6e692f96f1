using PatientForum.BrowserTests.Infrastructure;
using static PatientForum.BrowserTests.Infrastructure.PageChecks;

namespace PatientForum.BrowserTests.Accessibility;

/// <summary>The accessibility check every browser test relies on finds what axe-core finds, with the markup at fault.</summary>
[Collection(SecondBrowser.Name)]
public sealed class AxeCheckTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AxeCheck_OnAPageWithAnUnlabelledFieldAndAnImageWithoutText_FailsNamingBoth()
    {
        await using var watched = await fixture.NewPageAsync();
        await watched.Page.SetContentAsync("""
            <!doctype html><html lang="en"><head><title>Broken</title></head>
            <body><main><h1>Broken</h1><img src="data:," id="no-alt"><input type="text" id="no-label"></main></body></html>
            """);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => AssertNoAxeViolationsAsync(watched.Page, "a broken page"));

        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
        Assert.Contains("id=\"no-alt\"", failure.Message, StringComparison.Ordinal);
        Assert.Contains("label", failure.Message, StringComparison.Ordinal);
        Assert.Contains("id=\"no-label\"", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AxeCheck_OnAPageUnreadableOnlyInTheDarkTheme_FailsNamingTheDarkTheme_AndPutsTheThemeBack()
    {
        await using var watched = await fixture.NewPageAsync();
        await watched.Page.SetContentAsync("""
            <!doctype html><html lang="en" class="keep"><head><title>Dark only</title>
            <style>p { color: #1d2330; background: #fff; } html.theme-dark p { color: #333; background: #000; }</style></head>
            <body><main><h1>Dark only</h1><p id="dim">Grey on black</p></main></body></html>
            """);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => AssertNoAxeViolationsAsync(watched.Page, "a page dim in dark"));

        Assert.Contains("[dark] color-contrast", failure.Message, StringComparison.Ordinal);
        Assert.Contains("id=\"dim\"", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("[light]", failure.Message, StringComparison.Ordinal);
        Assert.Equal("keep", await watched.Page.EvaluateAsync<string>("() => document.documentElement.className"));
    }

    [Fact]
    public async Task AxeCheck_RunTwiceOnACleanPage_PassesBothTimes()
    {
        await using var watched = await fixture.NewPageAsync();
        await watched.Page.GotoAsync("/contact");

        await AssertNoAxeViolationsAsync(watched.Page, "contact page");
        await AssertNoAxeViolationsAsync(watched.Page, "contact page, checked again");
    }
}
