namespace PatientForum.Web.Data;

/// <summary>
/// The <c>Forum:DataProtection</c> section: the certificate that encrypts the Data Protection keys kept in the
/// database. Those keys sign every sign-in cookie, so without a certificate anyone holding a copy of the database
/// (a backup, say) could make cookies for any member.
/// </summary>
public sealed class KeyProtectionOptions
{
    public const string SectionName = "Forum:DataProtection";

    /// <summary>A PKCS#12 (.pfx) file with the certificate and its private key; empty leaves the keys unencrypted.</summary>
    public string CertificatePath { get; set; } = "";

    /// <summary>The password of <see cref="CertificatePath"/>; empty for a file without one.</summary>
    public string CertificatePassword { get; set; } = "";
}
