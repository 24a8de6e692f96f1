using Microsoft.Playwright;
using PatientForum.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PatientForum.BrowserTests.Moderation;

[Collection(SharedBrowser.Name)]
public sealed class HiddenPostTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Post_FlaggedByThreeMembers_VanishesFromOpenReaderPage_AndReturnsWhenAModeratorRestoresIt()
    {
        var server = fixture.Server;
        using var author = await ForumClient.CreateConfirmedMemberAsync(server);
        var thread = await author.StartThreadAsync("injections", $"Steroid flare {Guid.NewGuid():N}", "Did anyone else get a flare after the injection?");
        var threadId = int.Parse(thread.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
        var text = $"Buy miracle pills at example.com {Guid.NewGuid():N}";
        await (await author.PrepareReplyAsync(thread, threadId, text))();

        await using var reader = await fixture.NewPageAsync();
        await reader.Page.GotoAsync(thread);
        await reader.WaitForLiveAsync();
        var post = reader.Page.Locator("article.post", new() { HasText = text });
        await Expect(post).ToBeVisibleAsync();
        var postId = (await post.GetAttributeAsync("id"))!["post-".Length..];

        await FlaggedByThreeAsync(server, postId, "Spam", "Selling pills");

        var hidden = reader.Page.Locator($"#post-{postId}");
        await Expect(hidden).ToContainTextAsync("hidden while moderators review it", new() { Timeout = 10_000 });
        await Expect(reader.Page.GetByText(text)).ToHaveCountAsync(0);

        using var moderator = await ForumClient.CreateConfirmedMemberAsync(server);
        Assert.Equal(0, await server.RunCommandAsync("users", "add-role", "moderator", moderator.Email));
        // The role change renews the security stamp, ending the session at its next check: sign in on the new stamp.
        await moderator.SignInAgainAsync();
        await moderator.TurnOnTwoFactorAsync();
        await moderator.SignInAgainAsync();
        await moderator.SubmitAsync($"/moderation/posts/{postId}", $"/moderation/posts/{postId}/restore", new() { ["Reason"] = "Checked: not spam" });

        await Expect(reader.Page.Locator(".post-body", new() { HasText = text })).ToBeVisibleAsync(new() { Timeout = 10_000 });
        reader.AssertNoProblems();
    }

    [Fact]
    public async Task Thread_HiddenWhileAVisitorReadsIt_LeavesTheVisitorsScreen()
    {
        var server = fixture.Server;
        using var author = await ForumClient.CreateConfirmedMemberAsync(server);
        var title = $"Second opinion {Guid.NewGuid():N}";
        var opening = $"The second injection did nothing for my knee {Guid.NewGuid():N}.";
        // A treatment story: its record is shown above the posts, and is as much the thread as they are.
        var thread = (await author.SubmitAsync("/t/surgical-referral/new", "/t/surgical-referral/new", new()
        {
            ["Title"] = title, ["Body"] = opening, ["Treatment.Treatment"] = "other", ["Treatment.OtherTreatment"] = "Knee arthroscopy",
            ["Treatment.BodyArea"] = "Knee", ["Treatment.Month"] = "5", ["Treatment.Year"] = "2025", ["Treatment.PainBefore"] = "7",
            ["Treatment.PainAfter"] = "6", ["Treatment.WouldRepeat"] = "No",
        })).Url;

        await using var visitor = await fixture.NewPageAsync();
        await visitor.Page.GotoAsync(thread);
        await visitor.WaitForLiveAsync();
        await Expect(visitor.Page.Locator(".treatment-summary")).ToContainTextAsync("Knee arthroscopy");
        var postId = (await visitor.Page.Locator("article.post").First.GetAttributeAsync("id"))!["post-".Length..];

        await FlaggedByThreeAsync(server, postId, "PersonalInformation", null);

        // The page is taken out of the thread's live group, is refused when it joins again, and drops the thread.
        await Expect(visitor.Page.Locator(".posts")).ToHaveTextAsync("This thread is no longer available to you.", new() { Timeout = 10_000 });
        await Expect(visitor.Page.GetByText(opening)).ToHaveCountAsync(0);
        await Expect(visitor.Page.GetByText("Knee arthroscopy")).ToHaveCountAsync(0);
        await Expect(visitor.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thread no longer available");
        visitor.AssertNoProblems();
    }

    /// <summary>Three established members flag the post, which hides it until a moderator decides.</summary>
    private static async Task FlaggedByThreeAsync(ForumServer server, string postId, string reason, string? note)
    {
        for (var i = 0; i < 3; i++)
        {
            using var flagger = await ForumClient.CreateConfirmedMemberAsync(server);
            // Joined a month ago: only members past the new-member period count toward auto-hide.
            await server.Database.ExecuteAsync("""UPDATE "AspNetUsers" SET "CreatedAt" = @at WHERE "Email" = @email""",
                ("at", DateTime.UtcNow.AddDays(-30)), ("email", flagger.Email));
            await flagger.SubmitAsync($"/posts/{postId}/flag", $"/posts/{postId}/flag", new() { ["Reason"] = reason, ["Note"] = note });
        }
    }
}
