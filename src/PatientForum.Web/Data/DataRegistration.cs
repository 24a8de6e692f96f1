using Microsoft.AspNetCore.DataProtection;
using PatientForum.Web.Data.Seeding;
using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Web.Data;

public static class DataRegistration
{
    /// <summary>The database on the configured provider, the seeder, and the Data Protection keys kept in it.</summary>
    public static IServiceCollection AddForumData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddForumOptions<DatabaseOptions>(DatabaseOptions.SectionName);
        ForumDatabase.AddForumDatabase(services, configuration);
        services.AddScoped<ForumSeeder>();

        // Keys live in the forum's database, so a cookie or form token made by one app instance is read by every other.
        services.AddDataProtection()
            .SetApplicationName("PatientForum")
            .PersistKeysToDbContext<ForumDbContext>();
        return services;
    }
}
