namespace PatientForum.Web.Data;

/// <summary>
/// Who may read a thread, as its author chose it. Who wrote a post (a member's name or, later, an alias) is a separate
/// matter, so this says nothing about names.
/// </summary>
public enum ThreadAudience
{
    /// <summary>Anyone, visitors and search engines included.</summary>
    Public = 0,

    /// <summary>Signed-in members with a confirmed email address, and staff. A thread in a members-only topic is this whatever it says.</summary>
    Members = 1,
}
