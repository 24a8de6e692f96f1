using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;
using PatientForum.Web.Data.Seeding;

namespace PatientForum.Tests.Features.Accounts;

/// <summary>
/// A failed sign-in does the same work whether or not the address has an account, so the time it takes tells a
/// stranger nothing: one password hash checked and the same SQL statements, in the same order, each time. The forms
/// that mail an address (forgot password, resend confirmation) answer before any lookup. Counted here rather than
/// timed (the benchmark's accounts scenario times sign-in).
/// </summary>
public sealed class SignInWorkTests(SignInWorkTests.RecordingForum factory) : IClassFixture<SignInWorkTests.RecordingForum>
{
    [Fact]
    public async Task SignIn_WrongPasswordUnknownAddressUnconfirmedLockedOrSystemAccount_DoesTheSameWork()
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var unconfirmed = await Members.RegisterAsync(factory);
        var locked = await Members.RegisterConfirmedAsync(factory);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await SignInAsync(locked.Email, Canaries.Password());
        }
        await SignInAsync(Members.UniqueEmail("warm-up"), Canaries.Password());

        var wrongPassword = await SignInAsync(member.Email, Canaries.Password());
        var attempts = new Dictionary<string, SignInWork>
        {
            ["unknown address"] = await SignInAsync(Members.UniqueEmail("nobody"), Canaries.Password()),
            ["unconfirmed account"] = await SignInAsync(unconfirmed.Email, unconfirmed.Password),
            ["locked account"] = await SignInAsync(locked.Email, locked.Password),
            ["system account"] = await SignInAsync(SignInDecoy.Email, Canaries.Password()),
        };

        Assert.Equal(1, wrongPassword.HashesChecked);
        Assert.Equal(0, wrongPassword.HashesMade);
        Assert.Single(wrongPassword.Statements, sql => sql.TrimStart().StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase));
        foreach (var (what, work) in attempts)
        {
            Assert.True(wrongPassword.HashesChecked == work.HashesChecked, $"{what}: {work.HashesChecked} hashes checked");
            Assert.True(wrongPassword.HashesMade == work.HashesMade, $"{what}: {work.HashesMade} hashes made");
            Assert.True(wrongPassword.Statements.SequenceEqual(work.Statements),
                $"{what} sent other statements than a wrong password:\n{string.Join("\n", work.Statements)}\n--- a wrong password:\n{string.Join("\n", wrongPassword.Statements)}");
        }
    }

    [Theory]
    [InlineData("/account/forgot-password")]
    [InlineData("/account/resend-confirmation")]
    public async Task AccountMailForm_ForAnyAddress_AnswersBeforeTouchingTheDatabase_AndStillMailsAnAccountThatShouldHaveIt(string path)
    {
        var member = await Members.RegisterConfirmedAsync(factory);
        var unconfirmed = await Members.RegisterAsync(factory);
        var rightful = path == "/account/forgot-password" ? member : unconfirmed;
        var subject = path == "/account/forgot-password" ? "Reset your PatientForum password" : "Confirm your email";
        // The unconfirmed account's first confirmation mail is still on its way from the outbox; counted before it
        // arrived, it would pass for the one this form sends.
        await factory.Mail.WaitForAsync(unconfirmed.Email, "Confirm your email");
        var before = factory.Mail.To(rightful.Email).Count;

        var works = new Dictionary<string, SignInWork>
        {
            ["a member"] = await SendAddressAsync(path, member.Email),
            ["an unconfirmed account"] = await SendAddressAsync(path, unconfirmed.Email),
            ["an unknown address"] = await SendAddressAsync(path, Members.UniqueEmail("nobody")),
            ["a system account"] = await SendAddressAsync(path, SignInDecoy.Email),
        };

        foreach (var (what, work) in works)
        {
            Assert.True(work.Statements.Count == 0, $"{path} for {what} sent SQL before answering:\n{string.Join("\n", work.Statements)}");
            Assert.Equal(0, work.HashesChecked + work.HashesMade);
        }
        var mails = await factory.Mail.WaitForMoreThanAsync(rightful.Email, before);
        Assert.Contains(mails, m => (m.Subject ?? "").Contains(subject, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task SignIn_ToALockedAccount_LeavesItsLockoutAsItWas()
    {
        var locked = await Members.RegisterConfirmedAsync(factory);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await SignInAsync(locked.Email, Canaries.Password());
        }
        var lockedUntil = await LockoutEndAsync(locked.Email);

        await SignInAsync(locked.Email, Canaries.Password());
        await SignInAsync(locked.Email, locked.Password);

        Assert.NotNull(lockedUntil);
        Assert.Equal(lockedUntil, await LockoutEndAsync(locked.Email));
    }

    private async Task<SignInWork> SignInAsync(string email, string password)
    {
        var client = factory.CreateForumClient(followRedirects: false);
        var form = await client.GetOkAsync("/account/login");
        factory.Recorder.Clear();
        var page = await client.SubmitAsync(form, "form[action='/account/login']", new Dictionary<string, string?>
        {
            ["Email"] = email, ["Password"] = password,
        });
        Assert.Equal("Sign in", page.TextOf("h1"));
        return factory.Recorder.Take();
    }

    private async Task<SignInWork> SendAddressAsync(string path, string email)
    {
        var client = factory.CreateForumClient(followRedirects: false);
        var form = await client.GetOkAsync(path);
        factory.Recorder.Clear();
        var page = await client.SubmitAsync(form, $"form[action='{path}']", new Dictionary<string, string?> { ["Email"] = email });
        Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
        return factory.Recorder.Take();
    }

    private async Task<DateTimeOffset?> LockoutEndAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        var normalized = email.ToUpperInvariant();
        return await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.LockoutEnd).SingleAsync();
    }

    /// <summary>What one sign-in POST did: the SQL it sent, in order, and the password hashes it made and checked.</summary>
    public sealed record SignInWork(IReadOnlyList<string> Statements, int HashesChecked, int HashesMade);

    /// <summary>A forum whose sign-in POSTs record their SQL and count their password hashing.</summary>
    public sealed class RecordingForum : ForumFactory
    {
        public WorkRecorder Recorder { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddHttpContextAccessor();
                services.ConfigureDbContext<SqliteForumDbContext>(options => options.AddInterceptors(Recorder));
                services.ConfigureDbContext<PostgresForumDbContext>(options => options.AddInterceptors(Recorder));
                services.AddScoped<IPasswordHasher<ForumUser>>(sp =>
                    new CountingHasher(ActivatorUtilities.CreateInstance<PasswordHasher<ForumUser>>(sp), Recorder));
            });
        }
    }

    /// <summary>
    /// Records only what a sign-in POST does, told apart by the request it runs in: the forum's background workers
    /// send SQL of their own meanwhile.
    /// </summary>
    public sealed class WorkRecorder : DbCommandInterceptor
    {
        private readonly HttpContextAccessor _http = new();
        private readonly ConcurrentQueue<string> _statements = new();
        private int _checked;
        private int _made;

        private static readonly string[] s_recordedForms = ["/account/login", "/account/forgot-password", "/account/resend-confirmation"];

        private bool InSignIn => _http.HttpContext?.Request is { Method: "POST" } request && s_recordedForms.Contains(request.Path.Value);

        public void Clear()
        {
            _statements.Clear();
            Interlocked.Exchange(ref _checked, 0);
            Interlocked.Exchange(ref _made, 0);
        }

        public SignInWork Take() => new([.. _statements], Volatile.Read(ref _checked), Volatile.Read(ref _made));

        public void HashChecked()
        {
            if (InSignIn)
            {
                Interlocked.Increment(ref _checked);
            }
        }

        public void HashMade()
        {
            if (InSignIn)
            {
                Interlocked.Increment(ref _made);
            }
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
            Record(command, result);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Record(command, result));

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
            Record(command, result);

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Record(command, result));

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
            Record(command, result);

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Record(command, result));

        private T Record<T>(DbCommand command, T result)
        {
            if (InSignIn)
            {
                _statements.Enqueue(command.CommandText);
            }
            return result;
        }
    }

    private sealed class CountingHasher(IPasswordHasher<ForumUser> inner, WorkRecorder recorder) : IPasswordHasher<ForumUser>
    {
        public string HashPassword(ForumUser user, string password)
        {
            recorder.HashMade();
            return inner.HashPassword(user, password);
        }

        public PasswordVerificationResult VerifyHashedPassword(ForumUser user, string hashedPassword, string providedPassword)
        {
            recorder.HashChecked();
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
