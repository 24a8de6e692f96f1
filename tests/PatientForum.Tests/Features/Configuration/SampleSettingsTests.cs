using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Features.Contact;
using PatientForum.Web.Features.ContentWarnings;
using PatientForum.Web.Features.Feeds;
using PatientForum.Web.Features.MembersOnly;
using PatientForum.Web.Features.Moderation;
using PatientForum.Web.Features.Notifications;
using PatientForum.Web.Features.Operations;
using PatientForum.Web.Features.Posting;
using PatientForum.Web.Features.Profiles;
using PatientForum.Web.Features.Safety;
using PatientForum.Web.Features.Search;
using PatientForum.Web.Features.SiteSettings;
using PatientForum.Web.Infrastructure.Email;
using PatientForum.Web.Infrastructure.Logging;
using PatientForum.Web.Infrastructure.Options;
using PatientForum.Web.Infrastructure.Security;

namespace PatientForum.Tests.Features.Configuration;

/// <summary>appsettings.sample.json is the documentation of every key; it must stay loadable and valid.</summary>
public sealed class SampleSettingsTests
{
    private static readonly IConfigurationRoot s_sample = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(RepoPaths.Root, "appsettings.sample.json"), optional: false)
        .Build();

    public static TheoryData<string, Type> Sections => new()
    {
        { ForumOptions.SectionName, typeof(ForumOptions) },
        { DatabaseOptions.SectionName, typeof(DatabaseOptions) },
        { SmtpOptions.SectionName, typeof(SmtpOptions) },
        { ModerationOptions.SectionName, typeof(ModerationOptions) },
        { ContactOptions.SectionName, typeof(ContactOptions) },
        { RateLimitOptions.SectionName, typeof(RateLimitOptions) },
        { SecurityOptions.SectionName, typeof(SecurityOptions) },
        { SearchOptions.SectionName, typeof(SearchOptions) },
        { KeyProtectionOptions.SectionName, typeof(KeyProtectionOptions) },
        { NotificationOptions.SectionName, typeof(NotificationOptions) },
        { ProfileOptions.SectionName, typeof(ProfileOptions) },
        { DraftOptions.SectionName, typeof(DraftOptions) },
        { SafetyOptions.SectionName, typeof(SafetyOptions) },
        { MembersOnlyOptions.SectionName, typeof(MembersOnlyOptions) },
        { HealthOptions.SectionName, typeof(HealthOptions) },
        { MetricsOptions.SectionName, typeof(MetricsOptions) },
        { LogOutputOptions.SectionName, typeof(LogOutputOptions) },
        { FeedOptions.SectionName, typeof(FeedOptions) },
        { ContentWarningOptions.SectionName, typeof(ContentWarningOptions) },
        { SiteSettingsOptions.SectionName, typeof(SiteSettingsOptions) },
    };

    [Theory]
    [MemberData(nameof(Sections))]
    public void SampleSection_BindsToItsOptionsClass_AndPassesValidation(string section, Type optionsType)
    {
        // The Forum section also holds the nested sections, so only the leaf sections can insist on no unknown keys.
        var options = s_sample.GetSection(section).Get(optionsType, o => o.ErrorOnUnknownConfiguration = section != ForumOptions.SectionName);

        Assert.NotNull(options);
        var results = new List<ValidationResult>();
        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true),
            string.Join("; ", results.Select(r => r.ErrorMessage)));
    }

    [Fact]
    public void SampleForumSection_NamesEveryOptionsProperty()
    {
        // Properties without a public setter are not bound from their section (DatabaseOptions.ConnectionString is
        // read from ConnectionStrings:Forum, which the sample documents at the top).
        var documented = s_sample.AsEnumerable().Select(pair => pair.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = Sections
            .Select(row => ((string)row[0], (Type)row[1]))
            .SelectMany(s => s.Item2.GetProperties().Where(p => p.SetMethod is { IsPublic: true }).Select(p => $"{s.Item1}:{p.Name}"))
            .Where(key => !documented.Any(d => d.Equals(key, StringComparison.OrdinalIgnoreCase) || d.StartsWith(key + ":", StringComparison.OrdinalIgnoreCase)))
            .ToList();

        Assert.True(missing.Count == 0, $"appsettings.sample.json does not document: {string.Join(", ", missing)}");
    }
}
