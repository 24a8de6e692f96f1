using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Configuration;

/// <summary>A bad configuration value stops the forum at start-up with the key's name, instead of failing later.</summary>
public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("Forum:Smtp:Port", "0")]
    [InlineData("Forum:PostsPerPage", "0")]
    [InlineData("Forum:Database:Provider", "Oracle")]
    public void Start_WithAnInvalidSetting_FailsWithAMessageNamingTheKey(string key, string value)
    {
        using var factory = new ConfiguredForum(key, value);

        var error = Record.Exception(() => factory.CreateClient().Dispose());

        Assert.NotNull(error);
        var messages = Messages(error).ToList();
        Assert.True(
            messages.Any(m => m.Contains(key, StringComparison.Ordinal)),
            $"No message names {key}:{Environment.NewLine}{string.Join(Environment.NewLine, messages)}");
    }

    [Fact]
    public void Start_WithValidSettings_Succeeds()
    {
        // The same factory with acceptable values starts, so the failures above come from the values, not the factory.
        using var factory = new ConfiguredForum("Forum:PostsPerPage", "5");

        var error = Record.Exception(() => factory.CreateClient().Dispose());

        Assert.Null(error);
    }

    /// <summary>The messages of an exception and of everything inside it.</summary>
    private static IEnumerable<string> Messages(Exception error)
    {
        yield return error.Message;
        IEnumerable<Exception> inner = error switch
        {
            AggregateException aggregate => aggregate.InnerExceptions,
            { InnerException: { } one } => [one],
            _ => [],
        };
        foreach (var message in inner.SelectMany(Messages))
        {
            yield return message;
        }
    }

    private sealed class ConfiguredForum(string key, string value) : ForumFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { [key] = value };
    }
}
