using PatientForum.Web.Features.DataExport.Sections;
using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Web.Features.DataExport;

/// <summary>
/// "Export my data": a member (or an admin for them) asks at <c>/account/export</c>, the <see cref="DataExportWorker"/>
/// makes a ZIP of JSON files and a readable index.html, a mail brings the link, and the file is deleted after
/// Forum:Export:KeepHours. Attribute-routed controllers, mapped with every other feature's by MapControllers.
/// </summary>
public static class DataExportFeature
{
    public static IServiceCollection AddForumDataExport(this IServiceCollection services)
    {
        services.AddForumOptions<DataExportOptions>(DataExportOptions.SectionName);
        services.AddSingleton<ExportFolder>();
        services.AddSingleton<DataExportSignal>();
        services.AddSingleton<DataExportLimits>();
        services.AddScoped<DataExportService>();
        services.AddScoped<ExportDownloads>();
        services.AddScoped<ExportArchive>();
        services.AddScoped<ExportReadyMail>();
        services.AddSingleton<DataExportWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<DataExportWorker>());

        // The files of an export, in this order; one more kind of data is one more section here.
        services.AddScoped<IExportSection, AccountSection>();
        services.AddScoped<IExportSection, PostsSection>();
        services.AddScoped<IExportSection, ThreadsSection>();
        services.AddScoped<IExportSection, ReactionsSection>();
        services.AddScoped<IExportSection, FlagsSection>();
        services.AddScoped<IExportSection, NotificationsSection>();
        services.AddScoped<IExportSection, DraftsSection>();
        services.AddScoped<IExportSection, WatchesSection>();
        services.AddScoped<IExportSection, SecurityActivitySection>();
        services.AddScoped<IExportSection, NameHistorySection>();
        return services;
    }
}
