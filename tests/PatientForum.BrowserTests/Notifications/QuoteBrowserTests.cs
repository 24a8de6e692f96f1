using Microsoft.Playwright;
using PatientForum.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static PatientForum.BrowserTests.Infrastructure.PageChecks;

namespace PatientForum.BrowserTests.Notifications;

/// <summary>
/// Quoting and the mention warning in a real browser, by keyboard: the Quote button beside selected words and a post's
/// own Quote button fill the reply form with what QuoteFormat writes, the posted reply shows the quote, and the
/// composer says when more people are mentioned than will be notified.
/// </summary>
[Collection(SecondBrowser.Name)]
public sealed class QuoteBrowserTests(BrowserFixture fixture)
{
    private const string FirstParagraph = "Ice for ten minutes eased the swelling.";
    private const string SecondParagraph = "Never on bare skin: wrap it in a cloth.";

    [Fact]
    public async Task SelectedWords_QuotedByKeyboard_FillTheReplyForm_AndTheReplyShowsTheQuote_WhileTheComposerWarnsOfTooManyMentions()
    {
        var authorName = $"Quoted {Guid.NewGuid().ToString("N")[..8]}";
        using var author = await ForumClient.TryCreateConfirmedMemberAsync(fixture.Server, authorName)
            ?? throw new InvalidOperationException("The forum refused the author's name.");
        var thread = await author.StartThreadAsync("rehab", $"Ice or heat {Guid.NewGuid():N}", $"{FirstParagraph}\n\n{SecondParagraph}");
        await using var quoter = await fixture.NewPageAsync();
        await BrowserMembers.RegisterConfirmedAsync(quoter, fixture.Server);
        var page = quoter.Page;
        await page.GotoAsync(thread);
        var opening = page.Locator("article.post").First;
        var postId = int.Parse((await opening.GetAttributeAsync("id"))!["post-".Length..], System.Globalization.CultureInfo.InvariantCulture);
        await Expect(opening.Locator("button[data-quote-post]")).ToBeVisibleAsync();

        await opening.Locator(".post-body p").First.ClickAsync(new() { ClickCount = 3 });
        await Expect(page.Locator("button.quote-selection")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "thread page with both Quote buttons showing");
        await TabUntilFocusedAsync(page, "button.quote-selection", most: 60);
        await page.Keyboard.PressAsync("Enter");

        var body = page.GetByLabel("Your post");
        var quote = QuoteFormat.Of(authorName, postId, FirstParagraph);
        await Expect(body).ToHaveValueAsync(quote);
        await Expect(body).ToBeFocusedAsync();

        var warning = page.Locator("form.composer .mention-warning[aria-live=polite]");
        await page.Keyboard.InsertTextAsync(string.Join(" ", Enumerable.Range(1, 11).Select(i => $"@Reader{i}")) + " thanks.");
        await Expect(warning).ToHaveTextAsync("Only the first 10 people mentioned will be notified.");
        await Expect(body).ToHaveAttributeAsync("aria-describedby", new System.Text.RegularExpressions.Regex(@"\bBody-mentions\b"));
        await body.FillAsync(quote + "This helped me too, thanks @Reader1 and @Reader2.");
        await Expect(warning).ToHaveTextAsync("");

        await page.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();
        var reply = page.Locator("article.post").Last;
        await Expect(reply.Locator(".post-body blockquote p").First).ToHaveTextAsync($"{authorName} wrote:");
        await Expect(reply.Locator($".post-body blockquote a[href='/posts/{postId}']")).ToHaveTextAsync("wrote");
        await Expect(reply.Locator(".post-body blockquote")).ToContainTextAsync(FirstParagraph);
        await Expect(reply.Locator(".post-body > p")).ToHaveTextAsync("This helped me too, thanks @Reader1 and @Reader2.");

        // The post's own button, with nothing selected, quotes the whole post as its author wrote it.
        await page.Locator($"#post-{postId} button[data-quote-post]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(body).ToHaveValueAsync(QuoteFormat.Of(authorName, postId, $"{FirstParagraph}\n\n{SecondParagraph}"));
        await Expect(body).ToBeFocusedAsync();
        quoter.AssertNoProblems();
    }

    [Fact]
    public async Task QuoteButton_OnAWarnedPost_TicksItsWarningInTheReplyForm()
    {
        using var author = await ForumClient.TryCreateConfirmedMemberAsync(fixture.Server, $"Warned {Guid.NewGuid().ToString("N")[..8]}")
            ?? throw new InvalidOperationException("The forum refused the author's name.");
        var thread = (await author.SubmitAsync("/t/injections/new", "/t/injections/new", new()
        {
            ["Title"] = $"Needle day {Guid.NewGuid():N}", ["Body"] = "The needle went deep into the joint.", ["ContentWarnings"] = "needles",
        })).Url;
        await using var quoter = await fixture.NewPageAsync();
        await BrowserMembers.RegisterConfirmedAsync(quoter, fixture.Server);
        var page = quoter.Page;
        await page.GotoAsync(thread);
        var needles = page.Locator("form.composer input[name=ContentWarnings][value=needles]");
        await Expect(needles).Not.ToBeCheckedAsync();

        await page.Locator("article.post").First.Locator("button[data-quote-post]").ClickAsync();

        await Expect(page.GetByLabel("Your post")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("The needle went deep"));
        await Expect(needles).ToBeCheckedAsync();
        quoter.AssertNoProblems();
    }
}
