namespace PatientForum.Web.Infrastructure;

public static class ForumApplicationBuilderExtensions
{
    /// <summary>The request pipeline, in order.</summary>
    public static WebApplication UseForum(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapControllers();
        return app;
    }
}
