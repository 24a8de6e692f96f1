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

    [Theory]
    [InlineData("invisible")]
    [InlineData("cyrillic")]
    [InlineData("lower")]
    [InlineData("zero")]
    public async Task Register_WithANameThatLooksLikeATakenOne_IsRefusedWithAClearMessage(string variant)
    {
        var taken = "ModName" + Letters();
        await Members.RegisterAsync(factory, taken);
        var lookAlike = variant switch
        {
            "invisible" => taken.Insert(3, "\u034F"),
            "cyrillic" => taken.Replace("o", "\u043E", StringComparison.Ordinal),
            "zero" => taken.Replace("o", "0", StringComparison.Ordinal),
            _ => taken.ToLowerInvariant(),
        };

        var result = await factory.CreateForumClient().RegisterAsync(Members.UniqueEmail(), lookAlike, Canaries.Password());

        Assert.Equal("Register", result.TextOf("h1"));
        Assert.Equal(variant == "invisible" ? "A display name may not hold invisible characters." : "That display name is taken, or one that looks just like it is. Choose another.",
            result.TextOf("#DisplayName-error"));
    }

    [Theory]
    [InlineData(41, 0)]
    [InlineData(3, 60)]
    public async Task Register_WithANameOverFortyUnits_IsAFormErrorNotAFailedSave(int letters, int combiningMarks)
    {
        var name = Letters(letters) + new string('\u0301', combiningMarks);

        var result = await factory.CreateForumClient().RegisterAsync(Members.UniqueEmail(), name, Canaries.Password());

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("A display name has 3 to 40 characters.", result.TextOf("#DisplayName-error"));
    }

    /// <summary>Random letters without i, l or o, which have look-alikes of their own.</summary>
    private static string Letters(int count = 8) =>
        new([.. Enumerable.Range(0, count).Select(_ => "bcdfghjkmnpqrstvwxyz"[Random.Shared.Next(20)])]);
}
