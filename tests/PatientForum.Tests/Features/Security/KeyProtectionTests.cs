using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Security;

/// <summary>
/// The Data Protection keys in the database sign every sign-in cookie. With Forum:DataProtection:CertificatePath
/// set they are stored encrypted, so a copy of the database (a backup) is not enough to make cookies, and every
/// instance with the same certificate still reads them.
/// </summary>
public sealed class KeyProtectionTests
{
    private const string CertificatePassword = "certificate password for the test";

    [Fact]
    public async Task Keys_WithACertificateConfigured_AreStoredEncrypted_AndACookieFromOneInstanceWorksOnAnother()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "patientforum-tests", Guid.NewGuid().ToString("N"))).FullName;
        var certificate = Path.Combine(folder, "keys.pfx");
        await File.WriteAllBytesAsync(certificate, SelfSignedPfx());
        using var database = TestDatabase.Create(folder);
        using var a = new CertificateForum(database, certificate);
        var member = await Members.RegisterConfirmedAsync(a);

        var keys = await database.QueryAsync("""SELECT "Xml" FROM "DataProtectionKeys" """, reader => reader.GetString(0));
        using var b = new CertificateForum(database, certificate);
        var onB = await b.CreateForumClient(member.Client.Cookies).GetAsync("/t/rehab/new");

        Assert.NotEmpty(keys);
        Assert.All(keys, xml => Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal));
        Assert.All(keys, xml => Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal));
        Assert.Equal((HttpStatusCode.OK, "/t/rehab/new"), (onB.Status, onB.Url));
        Assert.Equal(member.DisplayName, onB.TextOf(".signed-in-as strong"));
    }

    private static byte[] SelfSignedPfx()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=PatientForum key protection test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return certificate.Export(X509ContentType.Pkcs12, CertificatePassword);
    }

    /// <summary>One instance of a forum whose keys are protected with the certificate, on a database another instance shares.</summary>
    private sealed class CertificateForum(TestDatabase database, string certificate) : ForumFactory(database)
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Forum:DataDirectory"] = Database.DataDirectory,
            ["Forum:Smtp:PickupDirectory"] = MailPickupDirectory,
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);

            // As settings of the host, which the forum reads while it registers its services (as it does
            // appsettings.json and the environment); the factory's other settings arrive only after that.
            builder.UseSetting("Forum:DataProtection:CertificatePath", certificate);
            builder.UseSetting("Forum:DataProtection:CertificatePassword", CertificatePassword);
        }
    }
}
