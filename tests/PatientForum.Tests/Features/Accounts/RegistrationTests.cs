using System.Net;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Features.Accounts;

namespace PatientForum.Tests.Features.Accounts;

public sealed class RegistrationTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    [Fact]
    public async Task Register_ThenConfirmFromPickupMail_ThenReply_ReplyIsShownWithDisplayName()
    {
        var member = await Members.RegisterAsync(factory);
        await Members.ConfirmAsync(member);
        await Members.SignInAsync(member.Client, member);

        var guide = await member.Client.GetOkAsync("/guide");
        var firstPart = guide.Document.QuerySelector(".guide-list a")!.GetAttribute("href")!;
        var after = await Compose.ReplyAsync(member, firstPart, "The injection helped my shoulder within two days.");

        Assert.Equal(HttpStatusCode.OK, after.Status);
        var lastPost = after.Document.QuerySelectorAll("article.post")[^1];
        Assert.Equal(member.DisplayName, lastPost.QuerySelector(".post-author")!.TextContent);
        Assert.Contains("helped my shoulder", lastPost.QuerySelector(".post-body")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_BeforeEmailIsConfirmed_IsRefusedWithTheOneSignInMessage_AndWorksOnceConfirmed()
    {
        var member = await Members.RegisterAsync(factory);

        var before = await Members.SignInAsync(member.Client, member);
        var compose = await member.Client.GetAsync("/t/rehab/new");
        await Members.ConfirmAsync(member);
        var after = await Members.SignInAsync(member.Client, member);

        Assert.Equal("Sign in", before.TextOf("h1"));
        Assert.Equal([AccountController.NoSignInMessage], before.TextsOf(".form-errors li"));
        Assert.Null(before.TextOf(".signed-in-as"));
        Assert.StartsWith("/account/login", compose.Url, StringComparison.Ordinal);
        Assert.Equal(member.DisplayName, after.TextOf(".signed-in-as strong"));
    }

    [Fact]
    public async Task Register_WithDisplayNameTakenInAnotherCase_ShowsErrorAndKeepsInput()
    {
        var first = await Members.RegisterAsync(factory);
        var client = factory.CreateForumClient();
        var email = Members.UniqueEmail();
        var password = Canaries.Password();

        var form = await client.GetOkAsync("/account/register");
        var result = await client.SubmitAsync(form, "form[action='/account/register']", new Dictionary<string, string?>
        {
            ["Email"] = email,
            ["DisplayName"] = first.DisplayName.ToUpperInvariant(),
            ["Password"] = password,
            ["ConfirmPassword"] = password,
        });

        Assert.Equal("Register", result.TextOf("h1"));
        Assert.Contains("display name is taken", result.TextOf("#DisplayName-error"), StringComparison.Ordinal);
        Assert.Equal(email, result.Document.QuerySelector("#Email")!.GetAttribute("value"));
        Assert.Equal(first.DisplayName.ToUpperInvariant(), result.Document.QuerySelector("#DisplayName")!.GetAttribute("value"));
    }
}
