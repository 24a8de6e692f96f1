using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace PatientForum.BrowserTests.Infrastructure;

/// <summary>What every page owes a reader, checked the same way by every test: axe-core in both themes, no sideways scroll, the keyboard.</summary>
public static class PageChecks
{
    /// <summary>The axe-core build Deque ships for .NET.</summary>
    private static readonly string s_axeSource = new BundledAxeScriptProvider().GetScript();

    private static readonly string[] s_themes = ["light", "dark"];

    /// <summary>
    /// Runs axe-core in the page itself, once in the light theme and once in the dark, and lists each violation with
    /// the theme and the markup it found. The theme is switched as the header's menu does (a class on &lt;html&gt;,
    /// which tokens.css turns into colours), then put back as it was, so every page check covers both themes.
    /// A theme changes colours only (tokens.css), so after the full run in the first theme, the other runs check the
    /// rules that read colours: the whole rule set again would double each check's time for the same answer.
    /// Deque's Playwright wrapper finishes every run in a browser page of its own, which costs seconds a check; the
    /// forum's pages have no frames to gather results from, so axe runs where the page is.
    /// </summary>
    public static async Task AssertNoAxeViolationsAsync(IPage page, string what)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(s_axeSource);
        }
        var themeBefore = await page.EvaluateAsync<string>("() => document.documentElement.className");
        var found = new List<string>();
        try
        {
            foreach (var theme in s_themes)
            {
                await page.EvaluateAsync("""
                    theme => {
                      document.documentElement.classList.remove('theme-light', 'theme-dark');
                      document.documentElement.classList.add(`theme-${theme}`);
                    }
                    """, theme);
                var violations = await page.EvaluateAsync<JsonElement>("""
                    async onlyColour => (await axe.run(document, onlyColour
                        ? { resultTypes: ['violations'], runOnly: { type: 'rule', values: ['color-contrast', 'link-in-text-block'] } }
                        : { resultTypes: ['violations'] })).violations
                        .map(v => `${v.id}: ${v.help} at ${v.nodes.map(n => n.html).join(' | ')}`)
                    """, theme != s_themes[0]);
                found.AddRange(violations.EnumerateArray().Select(v => $"[{theme}] {v.GetString()}"));
            }
        }
        finally
        {
            await page.EvaluateAsync("className => { document.documentElement.className = className; }", themeBefore);
        }
        Assert.True(found.Count == 0, $"axe violations on {what}:\n{string.Join("\n", found)}");
    }

    /// <summary>No axe-core violations, and no sideways scroll at the page's width.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string what)
    {
        await AssertNoAxeViolationsAsync(page, what);
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
