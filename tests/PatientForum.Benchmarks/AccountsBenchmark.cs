using System.Diagnostics;
using System.Globalization;

namespace PatientForum.Benchmarks;

/// <summary>
/// Whether the time an answer takes tells a stranger that an address has an account: sign-in with a wrong password
/// for an existing address against an unknown one, registration with an existing address against a new one, and
/// forgot-password for both, alternated so both see the same machine. Prints each side's latency and the ratio of their medians; it asserts
/// nothing (the answers themselves are compared by EnumerationTests).
/// </summary>
public static class AccountsBenchmark
{
    public static async Task<int> RunAsync(Options options)
    {
        var rounds = options.Number("rounds", 100);
        await using var forum = new ForumServer(new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning" });
        await forum.StartAsync();
        using var member = await ForumClient.CreateConfirmedMemberAsync(forum);
        Console.WriteLine($"Accounts: existing against unknown addresses, {rounds} rounds each, {Environment.ProcessorCount} cores");

        var (signInKnown, signInUnknown) = await CompareAsync(rounds, forum, "/account/login", known => new()
        {
            ["Email"] = known ? member.Email : $"nobody-{Guid.NewGuid():N}@example.org",
            ["Password"] = "not the password of anyone",
        });
        Report("sign-in, wrong password", signInKnown, signInUnknown);

        var (registerKnown, registerNew) = await CompareAsync(rounds, forum, "/account/register", known => new()
        {
            ["Email"] = known ? member.Email : $"new-{Guid.NewGuid():N}@example.org",
            ["DisplayName"] = $"Bench {Guid.NewGuid().ToString("N")[..10]}",
            ["Password"] = "a long enough benchmark password",
            ["ConfirmPassword"] = "a long enough benchmark password",
        });
        Report("registration", registerKnown, registerNew);

        var (resetKnown, resetUnknown) = await CompareAsync(rounds, forum, "/account/forgot-password", known => new()
        {
            ["Email"] = known ? member.Email : $"nobody-{Guid.NewGuid():N}@example.org",
        });
        Report("forgot password", resetKnown, resetUnknown);
        await forum.StopAsync();
        return 0;
    }

    /// <summary>Times only the POST of each form, the form page fetched first; existing and unknown take turns.</summary>
    private static async Task<(Latency Known, Latency Unknown)> CompareAsync(int rounds, ForumServer forum, string path, Func<bool, Dictionary<string, string?>> fields)
    {
        var samples = new Dictionary<bool, List<double>> { [true] = [], [false] = [] };
        for (var i = 0; i < rounds * 2; i++)
        {
            var known = i % 2 == 0;
            using var visitor = ForumClient.Visitor(forum);
            var form = await visitor.GetOkAsync(path);
            var watch = Stopwatch.StartNew();
            await visitor.SubmitAsync(form, $"form[action='{path}']", fields(known));
            samples[known].Add(watch.Elapsed.TotalMilliseconds);
        }
        return (Latency.From(samples[true]), Latency.From(samples[false]));
    }

    private static void Report(string what, Latency known, Latency unknown)
    {
        Console.WriteLine($"  {what}");
        Console.WriteLine($"    address with an account:    {known}");
        Console.WriteLine($"    address without an account: {unknown}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    median ratio (with / without): {known.P50 / unknown.P50:F2}"));
    }
}
