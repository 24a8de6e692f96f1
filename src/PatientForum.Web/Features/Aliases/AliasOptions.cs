namespace PatientForum.Web.Features.Aliases;

/// <summary>The <c>Forum:Aliases</c> section: who may reveal the member behind an alias.</summary>
public sealed class AliasOptions
{
    public const string SectionName = "Forum:Aliases";

    /// <summary>
    /// When true, only admins may reveal who writes under an alias; moderators still hide, flag and suspend the author.
    /// Off by default: every reveal is in the audit log, with its reason, and the member is told.
    /// </summary>
    public bool RevealRequiresAdmin { get; set; }
}
