using PatientForum.Benchmarks;

// Usage:
//   dotnet run -c Release --project tests/PatientForum.Benchmarks -- live [--readers 1000] [--rounds 5]
//   dotnet run -c Release --project tests/PatientForum.Benchmarks -- search [--sizes 10000,100000,1000000] [--requests 200] [--provider postgres]
//   dotnet run -c Release --project tests/PatientForum.Benchmarks -- mail [--messages 1000]
//   dotnet run -c Release --project tests/PatientForum.Benchmarks -- accounts [--rounds 100]
//   dotnet run -c Release --project tests/PatientForum.Benchmarks -- notifications [--watchers 5000] [--replies 50]
//   dotnet run -c Release --project tests/PatientForum.Benchmarks -- treatments [--small 100] [--large 100000] [--seconds 3] [--stories 30]
//   dotnet run -c Release --project tests/PatientForum.Benchmarks -- generate --posts 1000000 [--data folder]
//   dotnet run -c Release --project tests/PatientForum.Benchmarks -- scale-out [--seconds 10] [--connections 64] [--readers 200]
//   dotnet run -c Release --project tests/PatientForum.Benchmarks -- pages [--quick] [--seconds 10] [--users 16] [--small 10000] [--large 1000000] [--no-write] [--no-publish]
//   dotnet run -c Release --project tests/PatientForum.Benchmarks -- bare-hub --port 5099   (started by "live")
//   dotnet run -c Release --project tests/PatientForum.Benchmarks -- bare-page --port 5098 [--size N]   (started by "pages")
var command = args.Length > 0 ? args[0] : "live";
return command switch
{
    "live" => await LiveDeliveryBenchmark.RunAsync(Options.Parse(args.Skip(1))),
    "search" => await SearchBenchmark.RunAsync(Options.Parse(args.Skip(1))),
    "mail" => await MailBenchmark.RunAsync(Options.Parse(args.Skip(1))),
    "accounts" => await AccountsBenchmark.RunAsync(Options.Parse(args.Skip(1))),
    "notifications" => await NotificationsBenchmark.RunAsync(Options.Parse(args.Skip(1))),
    "treatments" => await TreatmentsBenchmark.RunAsync(Options.Parse(args.Skip(1))),
    "generate" => await Generate(Options.Parse(args.Skip(1))),
    "scale-out" => await ScaleOutBenchmark.RunAsync(Options.Parse(args.Skip(1))),
    "pages" => await PagesBenchmark.RunAsync(Options.Parse(args.Skip(1))),
    "bare-hub" => await BareHubServer.RunAsync(Options.Parse(args.Skip(1))),
    "bare-page" => await BarePageServer.RunAsync(Options.Parse(args.Skip(1))),
    _ => Usage(),
};

static async Task<int> Generate(Options options)
{
    var folder = await CorpusGenerator.EnsureAsync(
        options.Text("data") ?? Path.Combine(RepoPaths.Root, "artifacts", "benchmark-data"), options.Number("posts", 10_000));
    Console.WriteLine($"Run the forum on it: Forum__DataDirectory={folder} dotnet run -c Release --project src/PatientForum.Web");
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("Usage: PatientForum.Benchmarks live [--readers N] [--rounds N] | search [--sizes a,b,c] [--provider postgres] | mail [--messages N] | accounts [--rounds N] | notifications [--watchers N] [--replies N] | treatments [--small N] [--large N] | generate --posts N | scale-out [--seconds N] | pages [--quick] | bare-hub --port N | bare-page --port N [--size N]");
    return 2;
}
