using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;

namespace PatientForum.Web.Infrastructure;

public static class MvcRegistration
{
    /// <summary>MVC with views in feature folders, and antiforgery validation on every unsafe request.</summary>
    public static IServiceCollection AddForumMvc(this IServiceCollection services)
    {
        services.AddControllersWithViews(options => options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));
        services.AddAntiforgery(options => options.Cookie.Name = "pf_af");
        services.Configure<RazorViewEngineOptions>(options =>
        {
            options.ViewLocationFormats.Clear();
            foreach (var location in FeatureFolders.ViewLocations)
            {
                options.ViewLocationFormats.Add(location);
            }
            options.ViewLocationExpanders.Add(new FeatureFolders());
        });
        return services;
    }
}
