using Microsoft.Extensions.Options;
using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Web.Features.Safety;

public static class SafetyFeature
{
    /// <summary>
    /// The patient-safety detectors the composer, posting and moderation call: personal information and crisis
    /// language. The crisis lexicon is read when the forum starts; a missing file or a bad line stops start-up with
    /// the key's name and the line's number.
    /// </summary>
    public static IServiceCollection AddForumSafety(this IServiceCollection services)
    {
        services.AddForumOptions<SafetyOptions>(SafetyOptions.SectionName);
        services.AddSingleton<IValidateOptions<SafetyOptions>, CrisisLexiconValidation>();
        services.AddSingleton<PersonalInformationDetector>();
        services.AddSingleton<PublicExcerpt>();
        services.AddSingleton(sp => CrisisLexicon.Load(LexiconPath(
            sp.GetRequiredService<IOptions<SafetyOptions>>().Value, sp.GetRequiredService<ForumPaths>())));
        services.AddSingleton<CrisisLanguageDetector>();
        services.AddSingleton<PostingSafetyCheck>();
        return services;
    }

    internal static string LexiconPath(SafetyOptions options, ForumPaths paths) =>
        Path.GetFullPath(options.CrisisLexicon, paths.SeedDirectory);

    /// <summary>Reads the lexicon while the options are validated at start, so a broken file is found then, not at the first post.</summary>
    private sealed class CrisisLexiconValidation(ForumPaths paths) : IValidateOptions<SafetyOptions>
    {
        public ValidateOptionsResult Validate(string? name, SafetyOptions options)
        {
            if (string.IsNullOrWhiteSpace(options.CrisisLexicon))
            {
                return ValidateOptionsResult.Skip; // The [Required] attribute reports it.
            }
            var path = LexiconPath(options, paths);
            try
            {
                CrisisLexicon.Load(path);
                return ValidateOptionsResult.Success;
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException or FormatException)
            {
                return ValidateOptionsResult.Fail($"Forum:Safety:CrisisLexicon ({path}) cannot be used: {error.Message}");
            }
        }
    }
}
