using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace PatientForum.Web.Infrastructure;

/// <summary>
/// One feature, one folder: a controller in <c>Features/Moderation</c> finds its views in
/// <c>Features/Moderation/Views/{controller}/</c>, and partials and the layout shared by every feature live in
/// <c>Features/Shared/</c>. The feature is the controller's namespace below <c>Features</c>, so nothing is listed by hand.
/// </summary>
public sealed class FeatureFolders : IViewLocationExpander
{
    private const string FeaturesNamespace = ".Features.";
    private const string FeatureKey = "feature";
    private const string Placeholder = "{" + FeatureKey + "}";

    /// <summary>Where views are looked for, in order: the controller's feature folder, then the shared folder.</summary>
    public static IReadOnlyList<string> ViewLocations { get; } =
        ["/Features/" + Placeholder + "/Views/{1}/{0}.cshtml", "/Features/Shared/{0}.cshtml"];

    public void PopulateValues(ViewLocationExpanderContext context) =>
        context.Values[FeatureKey] = FeatureOf(context.ActionContext.ActionDescriptor as ControllerActionDescriptor);

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        var feature = context.Values.TryGetValue(FeatureKey, out var value) ? value : null;
        return feature is null
            ? viewLocations.Where(location => !location.Contains(Placeholder, StringComparison.Ordinal))
            : viewLocations.Select(location => location.Replace(Placeholder, feature, StringComparison.Ordinal));
    }

    private static string? FeatureOf(ControllerActionDescriptor? action)
    {
        var ns = action?.ControllerTypeInfo.Namespace;
        var start = ns?.IndexOf(FeaturesNamespace, StringComparison.Ordinal) ?? -1;
        if (ns is null || start < 0)
        {
            return null;
        }
        var rest = ns[(start + FeaturesNamespace.Length)..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }
}
