using PatientForum.Web;
using PatientForum.Web.Data;
using PatientForum.Web.Features.CommandLine;

var builder = WebApplication.CreateBuilder(args);
builder.AddForum();

var app = builder.Build();
await ForumDatabase.MigrateAndSeedAsync(app.Services);

if (ForumCommands.IsCommand(args))
{
    return await ForumCommands.RunAsync(app.Services, args, Console.Out, Console.Error);
}

app.UseForum();
await app.RunAsync();
return 0;
