using System.Diagnostics;
using System.Globalization;
using Chokepoint.Collection.Audit;
using Chokepoint.Collection.Dns;
using Chokepoint.Collection.Page;
using Chokepoint.Engine;
using Chokepoint.Observations;
using Chokepoint.Observations.Network;
using Chokepoint.Simulation;
using Chokepoint.Simulation.Demo;
using Chokepoint.Simulation.World;

namespace Chokepoint.Benchmarks;

/// <summary>
/// <c>audit-critical-path</c>: audits demo sites through the CLI's pipeline (collect, attribute, analyse) on the demo
/// world with a delay on every server, and compares the wall time with the lower bound: the number of dependent
/// delayed exchanges on the longest chain the audit cannot avoid, times the delay (docs/benchmarks.md derives it).
/// A run without the delay gives the fixed cost (CPU, loopback, TLS); the slope between the two gives the number
/// of delays the implementation actually waits for in sequence.
/// </summary>
internal static class AuditCriticalPathBenchmark
{
    private const string ParallelAdsTxt = "parallel-ads-txt";

    private static readonly string[] AdsTxtFiles = ["ads.txt", "app-ads.txt"];

    /// <summary>
    /// Delayed exchanges on the unavoidable critical path of each demo site, as derived in docs/benchmarks.md.
    /// </summary>
    private static readonly Dictionary<string, (int Delays, string Chain)> LowerBounds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["onestack-demo.com"] = (3,
            "A www -> GET https://www.onestack-demo.com/ (301) -> GET https://onestack-demo.com/; NS com -> A a.gtld-servers.net -> NS @TLD; NS -> A ns -> SOA @ns"),
        ["twodns-demo.com"] = (3,
            "NS com -> A a.gtld-servers.net -> NS @TLD; NS -> A ns -> SOA @ns"),
    };

    public static async Task<int> RunAsync(Options options, CancellationToken cancellationToken)
    {
        var delayMs = options.Int("delay-ms", 20);
        var runs = options.Int("runs", 5);
        var warmup = options.Int("warmup", 1);
        var timeout = TimeSpan.FromSeconds(options.Int("timeout", 30));
        var sites = (options.Text("sites") ?? "onestack-demo.com,twodns-demo.com").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var trace = options.Int("trace", 1) != 0;
        var variant = options.Text("variant") ?? "pipeline";
        if (variant is not ("pipeline" or ParallelAdsTxt))
        {
            throw new ArgumentException($"unknown variant '{variant}' (pipeline or {ParallelAdsTxt})");
        }

        Measure.Machine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"audit-critical-path: delay {delayMs} ms on every server (target \"*\"), {runs} runs per site after {warmup} warm-up, variant {variant}"));

        // One engine per network profile (each simulation start has its own ports), as a front end would hold it.
        var engines = new Dictionary<NetworkProfile, ChokepointEngine>();
        ChokepointEngine EngineFor(NetworkProfile profile) =>
            engines.TryGetValue(profile, out var engine) ? engine : engines[profile] = ChokepointEngine.Create(new EngineSettings { Network = profile, SiteBudget = timeout });
        using var offline = ChokepointEngine.Create(new EngineSettings());
        Func<string, NetworkProfile, CancellationToken, Task<SiteObservations>> collect = variant == ParallelAdsTxt
            ? (site, profile, token) => CollectWithParallelAdsTxtAsync(site, profile, timeout, token)
            : (site, profile, token) => EngineFor(profile).CollectAsync(site, cancellationToken: token);
        var baseline = await MeasureAsync(offline, collect, sites, 0, runs, warmup, trace: false, cancellationToken);
        var delayed = await MeasureAsync(offline, collect, sites, delayMs, runs, warmup, trace, cancellationToken);
        foreach (var engine in engines.Values)
        {
            engine.Dispose();
        }

        Console.WriteLine();
        var rows = new List<string[]>();
        foreach (var site in sites)
        {
            var zero = baseline[site];
            var slow = delayed[site];
            var bound = LowerBounds.TryGetValue(site, out var known) ? known.Delays : 0;
            var lower = bound * delayMs;
            var slope = (slow.Median - zero.Median) / delayMs;
            rows.Add(
            [
                site,
                Ms(zero.Median),
                $"{Ms(slow.Median)} ({Ms(slow.Min)}-{Ms(slow.Max)})",
                Ms(slow.AnalyzeMedian),
                bound == 0 ? "?" : $"{bound} x {delayMs} = {lower} ms",
                bound == 0 ? "?" : (slow.Median / lower).ToString("0.00", CultureInfo.InvariantCulture) + "x",
                slope.ToString("0.0", CultureInfo.InvariantCulture),
                slow.Gaps.ToString(CultureInfo.InvariantCulture),
            ]);
        }

        Measure.Table(
            ["site", "wall, no delay (median)", $"wall, {delayMs} ms delay: median (min-max)", "of which analyse", "lower bound", "ratio", "delays waited in sequence ((wall - wall0) / delay)", "gaps"],
            rows);
        Console.WriteLine();
        foreach (var site in sites.Where(LowerBounds.ContainsKey))
        {
            Console.WriteLine($"lower bound chain for {site}: {LowerBounds[site].Chain}");
        }

        return 0;
    }

    private static async Task<Dictionary<string, Result>> MeasureAsync(
        ChokepointEngine analysis,
        Func<string, NetworkProfile, CancellationToken, Task<SiteObservations>> collect,
        string[] sites,
        int delayMs,
        int runs,
        int warmup,
        bool trace,
        CancellationToken cancellationToken)
    {
        var world = DemoWorld.Load();
        if (delayMs > 0)
        {
            world.Faults.Add(new Fault { Target = "*", Kind = "delay", DelayMs = delayMs });
        }

        await using var simulation = await SimulatedInternet.StartAsync(world, cancellationToken: cancellationToken);
        var results = new Dictionary<string, Result>(StringComparer.OrdinalIgnoreCase);
        foreach (var site in sites)
        {
            var walls = new List<double>();
            var analyses = new List<double>();
            var gaps = 0;
            for (var run = 0; run < warmup + runs; run++)
            {
                var clock = Stopwatch.StartNew();
                var observations = await collect(site, simulation.Profile, cancellationToken);
                var collected = clock.Elapsed.TotalMilliseconds;
                _ = analysis.Analyze(observations);
                var wall = clock.Elapsed.TotalMilliseconds;
                if (run < warmup)
                {
                    continue;
                }

                walls.Add(wall);
                analyses.Add(wall - collected);
                gaps = Math.Max(gaps, observations.Unobserved.Count);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {site} delay {delayMs} ms run {run - warmup + 1}: {wall:0.0} ms (collect {collected:0.0} ms), {observations.Unobserved.Count} gaps{Gaps(observations)}"));
            }

            walls.Sort();
            analyses.Sort();
            results[site] = new Result(walls[walls.Count / 2], walls[0], walls[^1], analyses[analyses.Count / 2], gaps);
            if (trace)
            {
                await TraceAsync(collect, site, simulation, cancellationToken);
            }
        }

        return results;
    }

    /// <summary>One more audit with the resolver behind a recording relay and HTTP activities recorded.</summary>
    private static async Task TraceAsync(
        Func<string, NetworkProfile, CancellationToken, Task<SiteObservations>> collect, string site, SimulatedInternet simulation, CancellationToken cancellationToken)
    {
        var timeline = new Timeline();
        using var proxy = new DnsTraceProxy(DnsLookup.ParseEndPoint(simulation.Profile.Resolver!, 53), timeline);
        using var http = new HttpActivityTrace(timeline);
        var profile = simulation.Profile with { Resolver = proxy.EndPoint.ToString() };
        timeline.Restart();
        var observations = await collect(site, profile, cancellationToken);
        var end = timeline.Now;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  trace of {site} (resolver queries and HTTP; direct authoritative queries are not seen), collect {end:0.0} ms, {observations.Unobserved.Count} gaps:"));
        timeline.Print(Console.Out);
    }

    /// <summary>
    /// A prototype of the proposed change, for timing only: the pipeline's collection, except that the page collector
    /// does not fetch ads.txt and app-ads.txt after the landing page; both are fetched at the same time as the
    /// landing page instead (bodies read and discarded, so the observation lacks them).
    /// </summary>
    private static Task<SiteObservations> CollectWithParallelAdsTxtAsync(string domain, NetworkProfile profile, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var pageOptions = new PageCollectorOptions
        {
            TotalBudget = timeout * 0.8,
            PageTimeout = TimeSpan.FromSeconds(Math.Min(10, timeout.TotalSeconds / 2)),
            FetchAdsTxt = false,
        };
        var options = new CollectionOptions
        {
            Timeout = timeout,
            PageCollector = async (context, token) =>
            {
                var page = new PageCollector(context.Http, pageOptions, context.Time).CollectAsync(context.StartUrl, context.Domain, null, token);
                var adsTxt = AdsTxtFiles
                    .Select(file => FetchAndDiscardAsync(context.Http, new Uri($"https://{context.Domain}/{file}"), token))
                    .ToList();
                await Task.WhenAll(adsTxt);
                return await page;
            },
        };
        return new AuditCollector(TimeProvider.System).CollectAsync(domain, profile, options, cancellationToken);
    }

    private static async Task FetchAndDiscardAsync(HttpClient http, Uri url, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, cancellationToken);
        _ = await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    private static string Gaps(SiteObservations observations) =>
        observations.Unobserved.Count == 0 ? "" : ": " + string.Join("; ", observations.Unobserved.Select(u => $"{u.What}: {u.Reason}"));

    private static string Ms(double milliseconds) => milliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    private sealed record Result(double Median, double Min, double Max, double AnalyzeMedian, int Gaps);
}
