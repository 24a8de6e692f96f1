using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Profiles;

/// <summary>
/// A member's display name wherever it is shown: <c>&lt;member-name name="…" /&gt;</c> becomes a link to their profile.
/// The name shown and the profile linked are separate, so an author who has no profile to show can be rendered
/// unlinked with <c>profile-name="@null"</c> (the name alone, in a span). Other attributes (a class) are kept.
/// </summary>
[HtmlTargetElement("member-name", TagStructure = TagStructure.WithoutEndTag)]
public sealed class MemberNameTagHelper : TagHelper
{
    private string? _profileName;
    private bool _profileNameSet;

    public string Name { get; set; } = "";

    /// <summary>Whose profile the name links to: the name itself unless set; null or empty for no link.</summary>
    public string? ProfileName
    {
        get => _profileNameSet ? _profileName : Name;
        set
        {
            _profileName = value;
            _profileNameSet = true;
        }
    }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagMode = TagMode.StartTagAndEndTag;
        // A deleted account has no profile: its name is a placeholder that links nowhere.
        if (string.IsNullOrEmpty(ProfileName) || FormerMember.IsShownAs(Name))
        {
            output.TagName = "span";
        }
        else
        {
            output.TagName = "a";
            output.Attributes.SetAttribute("href", ForumUrls.Profile(ProfileName));
        }
        output.AddClass("member-name", HtmlEncoder.Default);
        output.Content.SetContent(Name);
    }
}

/// <summary>
/// <c>&lt;member-avatar name="…" /&gt;</c>: the member's generated avatar (<see cref="Avatars"/>), a styled span. It is
/// decoration beside a name that is always shown too, so screen readers skip it.
/// </summary>
[HtmlTargetElement("member-avatar", TagStructure = TagStructure.WithoutEndTag)]
public sealed class MemberAvatarTagHelper : TagHelper
{
    public string Name { get; set; } = "";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var avatar = Avatars.Of(Name);
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.AddClass("avatar", HtmlEncoder.Default);
        output.AddClass(avatar.CssClass, HtmlEncoder.Default);
        output.Attributes.SetAttribute("aria-hidden", "true");
        output.Content.SetContent(avatar.Initials);
    }
}
