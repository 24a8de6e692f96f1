using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace PatientForum.BrowserTests.Security;

/// <summary>A page the hostile content landed on, with what was posted there for the failure message.</summary>
public sealed record HostilePage(string Path, string Label);

/// <summary>
/// Fills a forum with hostile content through its real forms: members with hostile display names, threads
/// whose titles and bodies are XSS vectors and naughty strings, replies, an edit and flags. Refusals (a 422, a
/// display name the rules do not allow) are recorded and the run moves on; an error answer is a failure.
/// </summary>
public sealed partial class HostileForum(ForumServer server) : IDisposable
{
    public const string Topic = "surgical-referral";
    private const int NaughtyPerBody = 20;

    private readonly List<ForumClient> _members = [];

    public List<string> AcceptedNames { get; } = [];
    public List<string> RefusedNames { get; } = [];
    public List<string> RefusedTitles { get; } = [];

    /// <summary>Bodies the posting rules refuse by design (422 with a reason), noted rather than failed.</summary>
    public List<string> RefusedBodies { get; } = [];
    public List<string> Failures { get; } = [];

    /// <summary>Requests refused with 400 because a field held a null character, which ASP.NET Core does not read.</summary>
    public List<string> RefusedForNull { get; } = [];
    public List<HostilePage> Threads { get; } = [];
    public List<HostilePage> ModerationPages { get; } = [];

    /// <summary>The member the browser signs in as: the author of the edited post.</summary>
    public ForumClient First => _members[0];

    /// <summary>The edited post's history and edit pages.</summary>
    public List<HostilePage> EditPages { get; } = [];

    public async Task RegisterMembersAsync()
    {
        var names = HostileStrings.AllowedHostileNames.Concat(HostileStrings.XssVectors)
            .Concat(HostileStrings.NaughtySample(3, 40, 40));
        foreach (var name in names)
        {
            var member = await TryAsync($"registering {HostileStrings.Show(name)}", () => ForumClient.TryCreateConfirmedMemberAsync(server, name), sent: name);
            if (member is null)
            {
                RefusedNames.Add(name);
                continue;
            }
            _members.Add(member);
            AcceptedNames.Add(name);
        }
    }

    /// <summary>One thread per XSS vector (title, body and a reply from another member), then the naughty strings in batches.</summary>
    public async Task PostAsync()
    {
        var vectors = HostileStrings.XssVectors;
        for (var i = 0; i < vectors.Count; i++)
        {
            var label = $"XSS vector #{i} {HostileStrings.Show(vectors[i])}";
            var path = await StartThreadAsync(_members[i % _members.Count], vectors[i], $"XSS vector {i}", vectors[i], label);
            if (path is not null)
            {
                await ReplyAsync(_members[(i + 1) % _members.Count], path, vectors[i], label);
                Threads.Add(new HostilePage(path, label));
            }
        }

        // Text whose letters carry more marks than the forum takes is refused with a reason (a 422, tested with the
        // posting rules): it goes in one post of its own, whose refusal is noted, and the rest is posted in batches.
        var naughty = HostileStrings.Naughty.Where(s => !HostileStrings.HasTooManyMarks(s)).ToList();
        var overMarked = HostileStrings.Naughty.Where(HostileStrings.HasTooManyMarks).ToList();
        if (overMarked.Count > 0)
        {
            await TryAsync("starting a thread with over-marked naughty strings",
                () => _members[0].StartThreadAsync(Topic, "Over-marked naughty strings", string.Join("\n\n", overMarked)),
                () => RefusedBodies.Add($"{overMarked.Count} naughty strings with more than four marks on a letter"));
        }
        var titles = HostileStrings.NaughtySample(5, 150, naughty.Count / NaughtyPerBody + 1);
        for (var start = 0; start < naughty.Count; start += NaughtyPerBody)
        {
            var batch = start / NaughtyPerBody;
            var label = $"naughty strings #{start}-#{Math.Min(start + NaughtyPerBody, naughty.Count) - 1}, title {HostileStrings.Show(titles[batch % titles.Count])}";
            var body = string.Join("\n\n", naughty.Skip(start).Take(NaughtyPerBody));
            var path = await StartThreadAsync(_members[batch % _members.Count], titles[batch % titles.Count], $"Naughty batch {batch}", body, label);
            if (path is not null)
            {
                Threads.Add(new HostilePage(path, label));
            }
        }
    }

    /// <summary>The first member edits their first thread so that its history holds a hostile earlier version.</summary>
    public async Task EditAsync()
    {
        var thread = Threads[0];
        var postId = await OpeningPostIdAsync(First, thread.Path);
        var vectors = HostileStrings.FormReadable;
        await TryAsync($"editing post {postId}", () => First.SubmitAsync($"/posts/{postId}/edit", $"/posts/{postId}/edit", new()
        {
            ["Title"] = vectors[^1],
            ["Body"] = string.Join("\n\n", HostileStrings.FormReadable),
        }));
        EditPages.Add(new HostilePage($"/posts/{postId}/history", "history of a post edited to every XSS vector, joined"));
        EditPages.Add(new HostilePage($"/posts/{postId}/edit", "edit form of that post"));
    }

    /// <summary>Flags a few XSS posts with the vector as the note, so they reach the moderation queue.</summary>
    public async Task FlagAsync(int count)
    {
        ModerationPages.Add(new HostilePage("/moderation", "moderation queue with hostile posts and flag notes"));
        for (var i = 1; i <= count && i < Threads.Count; i++)
        {
            var flagger = _members[(i + 2) % _members.Count];
            var postId = await OpeningPostIdAsync(flagger, Threads[i].Path);
            await TryAsync($"flagging post {postId}", () => flagger.SubmitAsync($"/posts/{postId}/flag", $"/posts/{postId}/flag", new()
            {
                ["Reason"] = "Spam",
                ["Note"] = HostileStrings.FormReadable[i],
            }));
            ModerationPages.Add(new HostilePage($"/moderation/posts/{postId}", "moderator's review of " + Threads[i].Label));
            ModerationPages.Add(new HostilePage($"/posts/{postId}/flag", "flag form for " + Threads[i].Label));
        }
    }

    public void Dispose()
    {
        foreach (var member in _members)
        {
            member.Dispose();
        }
    }

    /// <summary>Starts a thread; when the title is refused, starts it again with a plain one so the body is still posted.</summary>
    private async Task<string?> StartThreadAsync(ForumClient author, string title, string fallbackTitle, string body, string label)
    {
        var refused = false;
        var path = await TryAsync($"starting a thread for {label}", () => author.StartThreadAsync(Topic, title, body), () => refused = true, title + body);
        if (!refused)
        {
            return path;
        }
        RefusedTitles.Add(title);
        return await TryAsync($"starting a thread with a plain title for {label}", () => author.StartThreadAsync(Topic, fallbackTitle, body),
            () => Failures.Add($"the body of {label} was refused"));
    }

    private async Task ReplyAsync(ForumClient author, string threadPath, string body, string label) =>
        await TryAsync($"replying with {label}", sent: body, request: async () =>
        {
            var threadId = int.Parse(threadPath.Split('/')[2], CultureInfo.InvariantCulture);
            await (await author.PrepareReplyAsync(threadPath, threadId, body))();
            return true;
        });

    private static async Task<int> OpeningPostIdAsync(ForumClient session, string threadPath)
    {
        var html = (await session.GetAsync(threadPath)).Text;
        return int.Parse(PostIdPattern().Match(html).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Runs a request; a 422 calls <paramref name="onRefused"/>, a 400 for <paramref name="sent"/> text holding a null
    /// character is noted, any other error status is a failure.
    /// </summary>
    private async Task<T?> TryAsync<T>(string what, Func<Task<T>> request, Action? onRefused = null, string sent = "")
    {
        try
        {
            return await request();
        }
        catch (HttpRequestException e) when (e.StatusCode == HttpStatusCode.UnprocessableEntity && onRefused is not null)
        {
            onRefused();
            return default;
        }
        catch (HttpRequestException e) when (e.StatusCode == HttpStatusCode.BadRequest && sent.Contains('\0', StringComparison.Ordinal))
        {
            RefusedForNull.Add(what);
            return default;
        }
        catch (HttpRequestException e)
        {
            Failures.Add($"{what}: answered {(int?)e.StatusCode} ({e.Message})");
            return default;
        }
    }

    [GeneratedRegex("<article class=\"post post-opening[^\"]*\" id=\"post-(\\d+)\"")]
    private static partial Regex PostIdPattern();
}
