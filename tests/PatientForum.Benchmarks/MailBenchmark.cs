using System.Diagnostics;
using System.Globalization;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace PatientForum.Benchmarks;

/// <summary>
/// 1,000 contact messages submitted while the mail server is down, then the server comes up: how long the
/// outbox takes to drain and at what rate, against MailKit sending the same number directly in a loop.
/// </summary>
public static class MailBenchmark
{
    public static async Task<int> RunAsync(Options options)
    {
        var count = options.Number("messages", 1000);
        await using var smtp = new TestSmtpServer();
        await using var forum = new ForumServer(new Dictionary<string, string>
        {
            ["Forum__Smtp__Host"] = "127.0.0.1",
            ["Forum__Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Forum__Smtp__Security"] = "None",
            ["Forum__Moderation__ModeratorEmails__0"] = "moderators@example.org",
            ["Forum__Contact__PerHourPerIp"] = "10000",
            ["Forum__Contact__MinimumFillSeconds"] = "0",
            ["Logging__LogLevel__Default"] = "Warning",
        });
        await forum.StartAsync();
        Console.WriteLine($"Mail outbox: {count} contact messages submitted while the SMTP server is down, {Environment.ProcessorCount} cores");

        var submit = Stopwatch.StartNew();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            using var visitor = ForumClient.Visitor(forum);
            await visitor.SubmitAsync("/contact", "/contact", new()
            {
                ["Name"] = $"Visitor {i}",
                ["Email"] = $"visitor{i}@example.org",
                ["Subject"] = "Question",
                ["Message"] = $"Benchmark message number {i} about physiotherapy after knee surgery.",
            });
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  submitted in {submit.Elapsed.TotalSeconds:F1} s ({count / submit.Elapsed.TotalSeconds:F0}/s), all acknowledged to the senders"));

        await smtp.StartAsync();
        var drain = Stopwatch.StartNew();
        await smtp.WaitForCountAsync(1, TimeSpan.FromMinutes(5));
        var firstAt = drain.Elapsed;
        await smtp.WaitForCountAsync(count, TimeSpan.FromMinutes(10));
        var total = drain.Elapsed;
        var sending = total - firstAt;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  outbox drained {count} messages {total.TotalSeconds:F1} s after the server came up: {firstAt.TotalSeconds:F1} s waiting for the retry backoff, then {sending.TotalSeconds:F1} s sending ({count / sending.TotalSeconds:F0} messages/s)"));
        await forum.StopAsync();

        var direct = await DirectLoopAsync(smtp, count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  MailKit directly, one connection, in a loop: {direct.TotalSeconds:F1} s ({count / direct.TotalSeconds:F0} messages/s)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  ratio outbox sending rate / direct loop rate: {count / sending.TotalSeconds / (count / direct.TotalSeconds):F2}"));
        return 0;
    }

    private static async Task<TimeSpan> DirectLoopAsync(TestSmtpServer smtp, int count)
    {
        var before = smtp.Received.Count;
        var watch = Stopwatch.StartNew();
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", smtp.Port, SecureSocketOptions.None);
        for (var i = 0; i < count; i++)
        {
            var message = new MimeMessage { Subject = $"Direct {i}", Body = new TextPart("plain") { Text = $"Benchmark message number {i}." } };
            message.From.Add(MailboxAddress.Parse("no-reply@localhost"));
            message.To.Add(MailboxAddress.Parse("moderators@example.org"));
            await client.SendAsync(message);
        }
        await client.DisconnectAsync(true);
        await smtp.WaitForCountAsync(before + count);
        return watch.Elapsed;
    }
}
