using System.Diagnostics;
using System.Globalization;
using System.Net;
using Chokepoint.Collection.Dns;
using Chokepoint.Collection.Transport;
using Chokepoint.Simulation;
using Chokepoint.Simulation.Generation;
using Chokepoint.Simulation.World;
using DnsClient;

namespace Chokepoint.Benchmarks;

/// <summary>
/// <c>world-load</c>: generates a large world and writes it as YAML, then, in a fresh process (so that the numbers do
/// not include the generator's memory), loads it with <see cref="WorldLoader.Load(string)"/>, serves it with
/// <see cref="SimulatedInternet.StartAsync"/>, answers a sample of DNS queries and HTTPS fetches, and disposes it.
/// </summary>
internal static class WorldLoadBenchmark
{
    public const string MeasureCommand = "world-load-measure";

    private static readonly string[] Header = ["step", "time", "managed heap after", "working set after", "peak working set"];

    public static async Task<int> RunAsync(Options options, CancellationToken cancellationToken)
    {
        var sites = options.Int("sites", 100_000);
        var seed = options.Int("seed", 1);
        var file = options.Text("keep") ?? Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"chokepoint-bench-world-{sites}-{seed}.yaml"));
        Measure.Machine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"world-load: {sites} sites, seed {seed}, file {file}"));

        var rows = new List<string[]>();
        var clock = Stopwatch.StartNew();
        var world = WorldGenerator.Generate(sites, seed, cancellationToken);
        rows.Add(Row("generate (WorldGenerator.Generate)", clock.Elapsed));
        clock.Restart();
        await using (var writer = new StreamWriter(file))
        {
            WorldWriter.Write(world, writer, cancellationToken);
        }

        rows.Add(Row("write YAML (WorldWriter.Write)", clock.Elapsed));
        var length = new FileInfo(file).Length;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"generated {world.Domains.Count} domains, {world.Zones.Count} zones, {world.WebHosts.Count} web hosts; YAML {Measure.MiB(length)} ({length} bytes)"));
        world = null;
        Measure.Table(Header, rows);
        Console.WriteLine();

        try
        {
            return await RunMeasureProcessAsync(file, options, cancellationToken);
        }
        finally
        {
            if (options.Text("keep") is null)
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>The fresh process: load, serve, query, dispose.</summary>
    public static async Task<int> MeasureAsync(Options options, CancellationToken cancellationToken)
    {
        var file = options.Text("file") ?? throw new ArgumentException("--file is required");
        var dnsQueries = options.Int("dns-queries", 1000);
        var httpsFetches = options.Int("https-fetches", 20);
        var seed = options.Int("seed", 1);
        var rows = new List<string[]>();
        rows.Add(Row("process start", TimeSpan.Zero));

        var clock = Stopwatch.StartNew();
        var result = WorldLoader.Load(file);
        var loadTime = clock.Elapsed;
        if (result.World is not { } world)
        {
            await Console.Error.WriteLineAsync(result.Describe());
            return 1;
        }

        rows.Add(Row("load (WorldLoader.Load)", loadTime));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"loaded {world.Domains.Count} domains, {world.Zones.Count} zones, {world.WebHosts.Count} web hosts, {world.Sites.Count} sites"));

        clock.Restart();
        var simulation = await SimulatedInternet.StartAsync(world, cancellationToken: cancellationToken);
        rows.Add(Row("serve (SimulatedInternet.StartAsync)", clock.Elapsed));
        var notes = new List<string>();
        try
        {
            var random = new Random(seed);
            var sample = Enumerable.Range(0, dnsQueries).Select(_ => world.Sites[random.Next(world.Sites.Count)].Domain).ToList();

            clock.Restart();
            var latencies = await QueryDnsAsync(simulation, sample, cancellationToken);
            rows.Add(Row(string.Create(CultureInfo.InvariantCulture, $"{dnsQueries} A lookups via resolver (sequential)"), clock.Elapsed));
            notes.Add(Describe("DNS A via resolver", latencies.Times, latencies.Failures, dnsQueries));

            clock.Restart();
            var fetches = await FetchAsync(simulation, sample.Take(httpsFetches).ToList(), cancellationToken);
            rows.Add(Row(string.Create(CultureInfo.InvariantCulture, $"{httpsFetches} HTTPS GET / (new connection each)"), clock.Elapsed));
            notes.Add(Describe("HTTPS GET / (resolve + connect + TLS + GET)", fetches.Times, fetches.Failures, httpsFetches));
        }
        finally
        {
            clock.Restart();
            await simulation.DisposeAsync();
            rows.Add(Row("dispose", clock.Elapsed));
        }

        Measure.Table(Header, rows);
        Console.WriteLine();
        foreach (var note in notes)
        {
            Console.WriteLine(note);
        }

        GC.KeepAlive(world);
        return 0;
    }

    private static async Task<int> RunMeasureProcessAsync(string file, Options options, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo { FileName = Environment.ProcessPath ?? "dotnet", UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(start.FileName).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(WorldLoadBenchmark).Assembly.Location);
        }

        start.ArgumentList.Add(MeasureCommand);
        start.ArgumentList.Add("--file");
        start.ArgumentList.Add(file);
        foreach (var name in new[] { "dns-queries", "https-fetches", "seed" })
        {
            if (options.Text(name) is { } value)
            {
                start.ArgumentList.Add("--" + name);
                start.ArgumentList.Add(value);
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the measuring process");
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode;
    }

    private static async Task<(List<double> Times, int Failures)> QueryDnsAsync(
        SimulatedInternet simulation, List<string> names, CancellationToken cancellationToken)
    {
        var options = new LookupClientOptions(DnsLookup.ParseEndPoint(simulation.Profile.Resolver!, 53))
        {
            UseCache = false,
            Retries = 0,
            Timeout = TimeSpan.FromSeconds(5),
            ThrowDnsErrors = false,
        };
        var client = new LookupClient(options);
        var times = new List<double>(names.Count);
        var failures = 0;
        foreach (var name in names)
        {
            var clock = Stopwatch.StartNew();
            var response = await client.QueryAsync(name, QueryType.A, QueryClass.IN, cancellationToken);
            times.Add(clock.Elapsed.TotalMilliseconds);
            if (response.HasError || !response.Answers.ARecords().Any())
            {
                failures++;
            }
        }

        return (times, failures);
    }

    private static async Task<(List<double> Times, int Failures)> FetchAsync(
        SimulatedInternet simulation, List<string> hosts, CancellationToken cancellationToken)
    {
        var times = new List<double>(hosts.Count);
        var failures = 0;
        var dns = new DnsLookup(simulation.Profile, TimeProvider.System, TimeSpan.FromSeconds(5));
        foreach (var host in hosts)
        {
            // A new handler each time: every fetch pays name resolution, TCP connect and the TLS handshake.
            using var handler = WebTransport.CreateHandler(simulation.Profile, dns, TimeSpan.FromSeconds(10));
            using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(20) };
            var clock = Stopwatch.StartNew();
            try
            {
                using var response = await http.GetAsync(new Uri("https://" + host + "/"), cancellationToken);
                _ = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                times.Add(clock.Elapsed.TotalMilliseconds);
                if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.MovedPermanently or HttpStatusCode.Found))
                {
                    failures++;
                }
            }
            catch (HttpRequestException exception)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
                failures++;
                await Console.Error.WriteLineAsync($"GET https://{host}/ failed: {exception.Message}");
            }
        }

        return (times, failures);
    }

    private static string Describe(string what, List<double> times, int failures, int count)
    {
        times.Sort();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{what}: {count - failures}/{count} answered; latency p50 {Measure.Ms(Measure.Percentile(times, 50))}, p90 {Measure.Ms(Measure.Percentile(times, 90))}, p99 {Measure.Ms(Measure.Percentile(times, 99))}, max {Measure.Ms(times.Count == 0 ? double.NaN : times[^1])}");
    }

    private static string[] Row(string step, TimeSpan time)
    {
        var (current, peak) = Measure.WorkingSet();
        return [step, Measure.Seconds(time), Measure.MiB(Measure.LiveManagedBytes()), Measure.MiB(current), Measure.MiB(peak)];
    }
}
