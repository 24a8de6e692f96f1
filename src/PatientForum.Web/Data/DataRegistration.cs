using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using PatientForum.Web.Data.Seeding;
using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Web.Data;

public static partial class DataRegistration
{
    /// <summary>The database on the configured provider, the seeder, and the Data Protection keys kept in it.</summary>
    public static IServiceCollection AddForumData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddForumOptions<DatabaseOptions>(DatabaseOptions.SectionName);
        ForumDatabase.AddForumDatabase(services, configuration);
        services.AddScoped<ForumSeeder>();

        // Keys live in the forum's database, so a cookie or form token made by one app instance is read by every other.
        var keys = services.AddDataProtection()
            .SetApplicationName("PatientForum")
            .PersistKeysToDbContext<ForumDbContext>();

        // Read while registering: the encryptor, and the certificate that decrypts, are chosen here.
        var protection = configuration.GetSection(KeyProtectionOptions.SectionName).Get<KeyProtectionOptions>() ?? new();
        if (protection.CertificatePath.Length > 0)
        {
            // Also registers the certificate for decrypting, so the machine's certificate store is not needed.
            keys.ProtectKeysWithCertificate(LoadCertificate(protection));
        }
        else
        {
            services.AddHostedService<UnprotectedKeysWarning>();
        }
        return services;
    }

    private static X509Certificate2 LoadCertificate(KeyProtectionOptions protection)
    {
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(
                protection.CertificatePath, protection.CertificatePassword.Length > 0 ? protection.CertificatePassword : null);
            return certificate.HasPrivateKey
                ? certificate
                : throw new InvalidOperationException("Forum:DataProtection:CertificatePath names a certificate without its private key.");
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            // The message names the key, never the password.
            throw new InvalidOperationException(
                "Forum:DataProtection:CertificatePath could not be read as a .pfx file with Forum:DataProtection:CertificatePassword.", ex);
        }
    }

    /// <summary>Says once, at start, that the keys signing sign-in cookies are stored unencrypted.</summary>
    private sealed partial class UnprotectedKeysWarning(ILogger<UnprotectedKeysWarning> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            KeysUnprotected(logger);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Warning, Message = "Data Protection keys are stored unencrypted in the database: anyone with a copy of it can make sign-in cookies. Set Forum:DataProtection:CertificatePath (see docs/scale-out.md).")]
        private static partial void KeysUnprotected(ILogger logger);
    }
}
