namespace PatientForum.Web.Data;

/// <summary>
/// One thing that happened to a member's account (a sign-in, a new password), shown to that member alone on
/// <c>/account/activity</c> so they can spot what was not them. Holds a coarse description of the browser, never an
/// IP address; removed after <c>Forum:Settings:ActivityKeepDays</c>.
/// </summary>
public class SecurityEvent
{
    public const int ClientMaxLength = 64;

    public long Id { get; set; }
    public required string UserId { get; set; }
    public SecurityEventKind Kind { get; set; }
    public DateTime At { get; set; }

    /// <summary>Like "Firefox on Linux": enough to recognise one's own devices, too little to track anyone.</summary>
    public string Client { get; set; } = "";
}

/// <summary>What happened. Stored as numbers: add new kinds at the end.</summary>
public enum SecurityEventKind
{
    SignIn = 0,
    SignedOut = 1,
    PasswordChanged = 2,
    PasswordReset = 3,
    EmailChanged = 4,
    TwoFactorEnabled = 5,
    TwoFactorDisabled = 6,
    RecoveryCodesGenerated = 7,
    DisplayNameChanged = 8,
}
