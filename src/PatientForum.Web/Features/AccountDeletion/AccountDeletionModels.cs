namespace PatientForum.Web.Features.AccountDeletion;

/// <summary>The delete-my-account form. The password is never shown again; the choice is kept when the form comes back.</summary>
public sealed class DeleteAccountForm
{
    /// <summary>"anonymize" or "erase".</summary>
    public string? Mode { get; set; }

    public string? Password { get; set; }

    /// <summary>The authenticator app's code, for a member with two-factor sign-in on.</summary>
    public string? Code { get; set; }

    public DeletionMode? ParsedMode => Mode switch
    {
        "anonymize" => DeletionMode.Anonymize,
        "erase" => DeletionMode.Erase,
        _ => null,
    };
}

/// <summary>The page: the form, whether it asks for a code, and how many posts the choice is about.</summary>
public sealed record DeleteAccountPage(DeleteAccountForm Form, bool NeedsCode, int PostCount);
