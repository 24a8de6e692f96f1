using Microsoft.AspNetCore.ResponseCompression;

namespace PatientForum.Web.Infrastructure;

/// <summary>
/// The stylesheet, scripts and icon: fingerprinted by the views (<c>asp-append-version</c> adds <c>?v=</c> with a
/// hash of the file), so a fingerprinted request may be cached for a year, and compressed with Brotli or gzip.
/// Plain UseStaticFiles, because MapStaticAssets served empty compressed files when the app ran from the project
/// folder (<c>dotnet run</c>) rather than from published output; this works the same from both.
/// </summary>
public static class StaticAssets
{
    public const string ImmutableCacheControl = "public, max-age=31536000, immutable";

    public const string RevalidateCacheControl = "no-cache";

    private static readonly string[] s_compressible = [".css", ".js", ".svg"];

    public static IServiceCollection AddForumStaticAssets(this IServiceCollection services) =>
        services.AddResponseCompression(options =>
        {
            // Only static files take the compressing branch (see UseForumStaticAssets), and they hold no secrets, so
            // compressing them over HTTPS gives a BREACH-style attack nothing to guess.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ["text/css", "text/javascript", "application/javascript", "image/svg+xml"];
        });

    public static IApplicationBuilder UseForumStaticAssets(this IApplicationBuilder app)
    {
        app.UseWhen(context => IsCompressible(context.Request.Path), branch => branch.UseResponseCompression());
        return app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file =>
            {
                // The hash in ?v= changes whenever the file does, so that URL's content never changes.
                // Without it (a module a script imports, which no view can fingerprint) the browser asks each time
                // whether it changed, so a new live.js never runs with an old copy of a module it imports.
                file.Context.Response.Headers.CacheControl = file.Context.Request.Query.ContainsKey("v") ? ImmutableCacheControl : RevalidateCacheControl;
            },
        });
    }

    private static bool IsCompressible(PathString path) =>
        s_compressible.Any(extension => path.Value?.EndsWith(extension, StringComparison.OrdinalIgnoreCase) == true);
}
