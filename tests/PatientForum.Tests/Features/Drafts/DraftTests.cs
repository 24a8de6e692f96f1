using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Features.Search;
using PatientForum.Tests.Infrastructure;
using static PatientForum.Tests.Features.Drafts.Drafting;

namespace PatientForum.Tests.Features.Drafts;

/// <summary>Drafts saved as the member types or with the Save draft button, found again on another device, gone once posted or discarded.</summary>
public sealed class DraftTests(ForumFactory factory) : IClassFixture<ForumFactory>
{
    private const string Topic = "rehab";

    [Fact]
    public async Task SaveByScript_ReplyDraft_IsRestoredOnAnotherDevice()
    {
        var (member, path) = await ThreadAsync();
        var id = Compose.ThreadId(path);
        var body = Text("Week two: the swelling came back after the stairs");

        var saved = await SaveByScriptAsync(member, path, $"/drafts/thread/{id}", body);

        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Matches(@"^\d\d:\d\d UTC$", saved.SavedAtText);
        var otherDevice = await AnotherDeviceAsync(member);
        foreach (var composer in new[] { path, $"/threads/{id}/reply" })
        {
            var page = await otherDevice.Client.GetOkAsync(composer);
            Assert.Equal(body, BodyIn(page));
            Assert.Equal($"Draft restored — saved at {saved.SavedAtText}.", NoteIn(page));
            Assert.False(page.Document.QuerySelector("[data-draft-discard]")!.HasAttribute("hidden"));
        }
    }

    [Fact]
    public async Task SaveByButton_NewThreadWithoutScript_ShowsComposerAgainWithDraftSaved()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var title = $"Half a title {Guid.NewGuid():N}"[..24];
        var body = Text("First lines of my biologics story, not finished");

        var page = await SaveByButtonAsync(member, $"/t/{Topic}/new", body, title);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal($"/t/{Topic}/new", page.Url);
        Assert.StartsWith("Draft saved — saved at ", NoteIn(page), StringComparison.Ordinal);
        Assert.Equal(title, page.Document.QuerySelector("input[name='Title']")!.GetAttribute("value"));
        Assert.Equal(body, BodyIn(page));
        var later = await (await AnotherDeviceAsync(member)).Client.GetOkAsync($"/t/{Topic}/new");
        Assert.StartsWith("Draft restored — saved at ", NoteIn(later), StringComparison.Ordinal);
        Assert.Equal(body, BodyIn(later));
    }

    [Fact]
    public async Task Reply_WithADraft_RemovesTheDraft()
    {
        var (member, path) = await ThreadAsync();
        var id = Compose.ThreadId(path);
        await SaveByScriptAsync(member, path, $"/drafts/thread/{id}", Text("A reply I will post in a moment, draft"));

        await Compose.ReplyAsync(member, path, Text("The reply as posted, not the draft"));

        var page = await member.Client.GetOkAsync($"/threads/{id}/reply");
        Assert.Equal("", BodyIn(page));
        Assert.Null(NoteIn(page));
        Assert.Equal(0, await DraftCountAsync(member));
    }

    [Fact]
    public async Task StartThread_WithADraft_RemovesTheDraft()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        await SaveByButtonAsync(member, $"/t/{Topic}/new", Text("An opening post that I drafted earlier"), "My drafted title");

        await Compose.StartThreadPathAsync(member, Topic, $"My drafted title {Guid.NewGuid():N}"[..30], "The opening post as posted.");

        var page = await member.Client.GetOkAsync($"/t/{Topic}/new");
        Assert.Equal("", BodyIn(page));
        Assert.Null(NoteIn(page));
        Assert.Equal(0, await DraftCountAsync(member));
    }

    [Fact]
    public async Task Discard_ByScriptAndByButton_RemovesTheDraftEverywhere()
    {
        var (member, path) = await ThreadAsync();
        var id = Compose.ThreadId(path);
        var page = await member.Client.GetOkAsync(path);
        await SaveByScriptAsync(member, path, $"/drafts/thread/{id}", Text("Words I will think better of soon"));

        var discarded = await ScriptPostAsync(member.Client, $"/drafts/thread/{id}/discard", page.AntiforgeryToken());

        Assert.Equal(HttpStatusCode.OK, discarded.Status);
        Assert.Equal("", BodyIn(await member.Client.GetOkAsync(path)));
        await SaveByButtonAsync(member, $"/threads/{id}/reply", Text("Second thoughts, saved without script"));
        var afterButton = await DiscardByButtonAsync(member, $"/threads/{id}/reply");
        Assert.Equal(HttpStatusCode.OK, afterButton.Status);
        Assert.Equal("", BodyIn(afterButton));
        Assert.Null(NoteIn(afterButton));
        Assert.Equal(0, await DraftCountAsync(member));
    }

    [Fact]
    public async Task OtherMember_NeitherSeesNorOverwritesADraft()
    {
        var (author, path) = await ThreadAsync();
        var id = Compose.ThreadId(path);
        var other = await Members.RegisterConfirmedAsync(factory);
        var mine = Text("My private draft about my shoulder injections");
        await SaveByScriptAsync(author, path, $"/drafts/thread/{id}", mine);

        var theirs = await other.Client.GetOkAsync(path);
        await SaveByScriptAsync(other, path, $"/drafts/thread/{id}", Text("The other member's own draft in the same thread"));
        await ScriptPostAsync(other.Client, $"/drafts/thread/{id}/discard", theirs.AntiforgeryToken());

        Assert.Equal("", BodyIn(theirs));
        Assert.DoesNotContain(mine, theirs.Text, StringComparison.Ordinal);
        Assert.Equal(mine, BodyIn(await author.Client.GetOkAsync(path)));
    }

    [Fact]
    public async Task Draft_IsNeitherSearchableNorLogged()
    {
        var (member, path) = await ThreadAsync();
        var word = Searching.RareWord();
        var body = Text($"A draft holding the word {word}");

        await SaveByScriptAsync(member, path, $"/drafts/thread/{Compose.ThreadId(path)}", body);

        Assert.Empty(await Searching.HitsAsync(member.Client, Searching.Query(("q", word))));
        Assert.DoesNotContain(factory.Logs.Lines, line => line.Contains(body, StringComparison.Ordinal));
    }

    private async Task<(Member Member, string Path)> ThreadAsync()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        return (member, await Compose.StartThreadPathAsync(member, Topic, $"Drafts thread {Guid.NewGuid():N}"[..30], "An opening post."));
    }

    /// <summary>The same member signed in on a second device: a client with cookies of its own.</summary>
    private async Task<Member> AnotherDeviceAsync(Member member)
    {
        var client = factory.CreateForumClient();
        (await Members.SignInAsync(client, member)).EnsureSuccess();
        return member with { Client = client };
    }

    private async Task<int> DraftCountAsync(Member member)
    {
        var userId = await ModerationState.UserIdAsync(factory, member.Email);
        return await ModerationState.QueryAsync(factory, db => db.Drafts.CountAsync(d => d.UserId == userId));
    }
}
