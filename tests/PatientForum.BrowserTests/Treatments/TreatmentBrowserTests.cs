using Microsoft.Playwright;
using PatientForum.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static PatientForum.BrowserTests.Infrastructure.PageChecks;

namespace PatientForum.BrowserTests.Treatments;

/// <summary>Adding treatment details in the composer by keyboard, and the treatment page's chart and table at phone width.</summary>
[Collection(SecondBrowser.Name)]
public sealed class TreatmentBrowserTests(BrowserFixture fixture)
{
    private const string Treatment = "radiofrequency-ablation";

    [Fact]
    public async Task TreatmentDetailsAddedByKeyboard_ShowInThreadAndChartOnPhone_PagesAccessible()
    {
        await using var member = await fixture.NewPageAsync(new ViewportSize { Width = 360, Height = 740 });
        await BrowserMembers.RegisterConfirmedAsync(member, fixture.Server);
        var page = member.Page;
        var title = $"Ablation for my lower back {Guid.NewGuid():N}"[..40];
        await page.GotoAsync("/t/injections/new");

        await TabUntilFocusedAsync(page, "#Title");
        await page.Keyboard.TypeAsync(title);
        await TabUntilFocusedAsync(page, "#Body");
        await page.Keyboard.TypeAsync("The burning feeling lasted two days, then it eased.");
        await TabUntilFocusedAsync(page, "details.treatment-fields > summary");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("details.treatment-fields")).ToHaveAttributeAsync("open", "");
        await AssertAccessibleAsync(page, "composer with the treatment details open");
        await TabUntilFocusedAsync(page, "#treatment-Treatment");
        await page.Keyboard.TypeAsync("Radio");
        await TabUntilFocusedAsync(page, "#treatment-BodyArea");
        await page.Keyboard.TypeAsync("Lower");
        await TabUntilFocusedAsync(page, "#treatment-Month");
        await page.Keyboard.TypeAsync("May");
        await TabUntilFocusedAsync(page, "#treatment-Year");
        await page.Keyboard.TypeAsync("2025");
        await TabUntilFocusedAsync(page, "#treatment-PainBefore");
        await page.Keyboard.TypeAsync("8");
        await TabUntilFocusedAsync(page, "#treatment-PainAfter");
        await page.Keyboard.TypeAsync("3");
        await TabUntilFocusedAsync(page, "input[name='Treatment.WouldRepeat'][value='Yes']");
        await page.Keyboard.PressAsync("Space");
        await TabUntilFocusedAsync(page, "form.composer button[type=submit]");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        var summary = page.Locator("section.treatment-summary");
        await Expect(summary).ToContainTextAsync("Radiofrequency ablation");
        await Expect(summary).ToContainTextAsync("8 → 3");
        await AssertAccessibleAsync(page, "thread with its treatment summary");

        for (var i = 0; i < 4; i++)
        {
            await StoryOverHttpAsync(7 - i, 2 + i);
        }
        await page.GotoAsync($"/treatments/{Treatment}");

        var chart = page.Locator("svg[role='img']").First;
        await Expect(chart).ToBeVisibleAsync();
        await Expect(page.Locator("#pain-heading")).ToHaveTextAsync("Pain before and after (n = 5)");
        await Expect(page.Locator("section table").First).ToBeVisibleAsync();
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"The treatment page scrolls sideways on a phone: {width}px wide.");
        await AssertAccessibleAsync(page, "treatment page on a phone");
        member.AssertNoProblems();
    }

    /// <summary>Another member's story, posted through the real form over HTTP to make up the five the charts need.</summary>
    private async Task StoryOverHttpAsync(int before, int after)
    {
        var client = await ForumClient.CreateConfirmedMemberAsync(fixture.Server);
        var form = await client.GetOkAsync("/t/injections/new");
        var page = await client.SubmitAsync(form, "form.composer", new Dictionary<string, string?>
        {
            ["Title"] = $"Ablation story {Guid.NewGuid():N}"[..30],
            ["Body"] = Canaries.PlantText("post body", "How it went for me."),
            ["Treatment.Treatment"] = Treatment, ["Treatment.BodyArea"] = "LowerBack", ["Treatment.Month"] = "2", ["Treatment.Year"] = "2025",
            ["Treatment.PainBefore"] = $"{before}", ["Treatment.PainAfter"] = $"{after}", ["Treatment.WouldRepeat"] = "Unsure",
        });
        Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
    }
}
