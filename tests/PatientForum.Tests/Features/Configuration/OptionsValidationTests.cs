using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Configuration;

/// <summary>A bad configuration value stops the forum at start-up with the key's name, instead of failing later.</summary>
public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("Forum:Smtp:Port", "0")]
    [InlineData("Forum:PostsPerPage", "0")]
    [InlineData("Forum:Database:Provider", "Oracle")]
    [InlineData("Forum:Drafts:KeepDays", "0")]
    [InlineData("Forum:Safety:CrisisLexicon", "safety/no-such-lexicon.txt")]
    [InlineData("Forum:Safety:CrisisLexicon", "topics.json")]
    [InlineData("Forum:Safety:PhoneRegions:0", "UK")]
    [InlineData("Forum:Health:OutboxMaxAgeMinutes", "-1")]
    [InlineData("Forum:Metrics:AllowedAddresses:0", "prometheus.internal")]
    [InlineData("Forum:Feeds:SitemapUrlsPerFile", "50001")]
    [InlineData("Forum:ContentWarnings:Kinds:0:Key", "Needles!")]
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

    [Theory]
    [InlineData("Sqlite", "Data Sorce=forum.db")]
    [InlineData("Sqlite", "Data Source=")]
    [InlineData("Sqlite", "forum.db")]
    [InlineData("Postgres", "")]
    [InlineData("Postgres", "Hots=127.0.0.1;Database=patientforum")]
    [InlineData("Postgres", "Database=patientforum;Username=patientforum")]
    [InlineData("Postgres", "Host=127.0.0.1;Port=fifty-four-thirty-two")]
    public void Start_WithAConnectionStringTheProviderCannotUse_FailsWithAMessageNamingTheKey(string provider, string connectionString)
    {
        using var factory = new ConfiguredForum(new Dictionary<string, string?>
        {
            ["Forum:Database:Provider"] = provider,
            ["ConnectionStrings:Forum"] = connectionString,
        });

        var error = Record.Exception(() => factory.CreateClient().Dispose());

        Assert.NotNull(error);
        var messages = Messages(error).ToList();
        Assert.True(
            messages.Any(m => m.Contains("ConnectionStrings:Forum", StringComparison.Ordinal)),
            $"No message names ConnectionStrings:Forum:{Environment.NewLine}{string.Join(Environment.NewLine, messages)}");
    }

    [Fact]
    public void Start_WithAMistypedConnectionString_NeverRepeatsItsPassword()
    {
        var password = Canaries.New("database password");
        using var factory = new ConfiguredForum(new Dictionary<string, string?>
        {
            ["Forum:Database:Provider"] = "Postgres",
            ["ConnectionStrings:Forum"] = $"Hots=127.0.0.1;Password={password};Database=patientforum",
        });

        var error = Record.Exception(() => factory.CreateClient().Dispose());

        Assert.NotNull(error);
        Assert.DoesNotContain(Messages(error), m => m.Contains(password, StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Logs.Lines, line => line.Contains(password, StringComparison.Ordinal));
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

    private sealed class ConfiguredForum(IDictionary<string, string?> settings) : ForumFactory
    {
        public ConfiguredForum(string key, string value)
            : this(new Dictionary<string, string?> { [key] = value })
        {
        }

        protected override IDictionary<string, string?> Settings => settings;
    }
}
