namespace PatientForum.Web.Infrastructure.Html;

public static class HtmlRegistration
{
    /// <summary>Markdown to sanitized HTML, configured once for the whole forum.</summary>
    public static IServiceCollection AddForumHtml(this IServiceCollection services) =>
        services.AddSingleton<IPostRenderer, PostRenderer>();
}
