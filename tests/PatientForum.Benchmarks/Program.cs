using PatientForum.Benchmarks;

// Usage:
//   dotnet run -c Release --project tests/PatientForum.Benchmarks -- live [--readers 1000] [--rounds 5]
//   dotnet run -c Release --project tests/PatientForum.Benchmarks -- bare-hub --port 5099   (started by "live")
var command = args.Length > 0 ? args[0] : "live";
return command switch
{
    "live" => await LiveDeliveryBenchmark.RunAsync(Options.Parse(args.Skip(1))),
    "bare-hub" => await BareHubServer.RunAsync(Options.Parse(args.Skip(1))),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("Usage: PatientForum.Benchmarks live [--readers N] [--rounds N] | bare-hub --port N");
    return 2;
}
