using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PatientForum.BrowserTests.Infrastructure;

/// <summary>What every page owes a reader, checked the same way by every test: axe-core, no sideways scroll, the keyboard.</summary>
public static class PageChecks
{
    /// <summary>No axe-core violations, and no sideways scroll at the page's width.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string what)
    {
        var results = await page.RunAxe();
        var violations = results.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(" | ", v.Nodes.Select(n => n.Html))}");
        Assert.True(results.Violations.Length == 0, $"axe violations on {what}:\n{string.Join("\n", violations)}");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, $"{what} scrolls sideways at {page.ViewportSize?.Width}px wide.");
    }

    /// <summary>Presses Tab until the element matching <paramref name="selector"/> has the focus; fails after <paramref name="most"/> presses.</summary>
    public static async Task TabUntilFocusedAsync(IPage page, string selector, int most = 40)
    {
        for (var i = 0; i < most; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }
        }
        Assert.Fail($"Tab never reached {selector}.");
    }
}
