using System.Diagnostics;
using System.Globalization;
using Chokepoint.Engine;
using Chokepoint.Simulation;
using Chokepoint.Simulation.Generation;
using Chokepoint.Simulation.Web;

namespace Chokepoint.Benchmarks;

/// <summary>
/// Many sites of a generated world audited through one engine with bounded concurrency, against the same sites
/// audited one engine per site (the shape every audit had before the engine: its own data sets, HTTP handler and DNS
/// client). Both run in one process, one after the other, on the same simulated internet; CPU time and allocations
/// are the process's, measured around each phase.
/// </summary>
internal static class EngineScaleBenchmark
{
    public const string Command = "engine-scale";

    public static async Task<int> RunAsync(Options options, CancellationToken cancellationToken)
    {
        var count = options.Int("sites", 500);
        var seed = options.Int("seed", 1);
        var concurrency = options.Int("concurrency", 16);
        var budget = TimeSpan.FromSeconds(options.Int("timeout", 30));
        var order = options.Text("order") ?? "shared-first";
        var rdapPerSecond = options.Int("rdap-per-second", 0);
        Measure.Machine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Command}: {count} generated sites (seed {seed}), {concurrency} audits at a time, budget {budget.TotalSeconds:0} s per site, order {order}, RDAP {(rdapPerSecond == 0 ? "not rate limited" : rdapPerSecond + " requests/s per server")}"));

        var world = WorldGenerator.Generate(count, seed, cancellationToken);
        var sites = world.Sites.Select(site => site.Domain).ToList();
        // One simulated web server stands for the web servers of every site: it must accept as many connections as
        // all of them would, all from the one client the engine is (its defaults, 256 and 64 per client, are for tests).
        await using var internet = await SimulatedInternet.StartAsync(
            world, new SimulationOptions { HttpLimits = new HttpServerLimits { MaxConnections = 8192, MaxConnectionsPerClient = 8192 } }, cancellationToken);
        var settings = new EngineSettings
        {
            Network = internet.Profile,
            SiteBudget = budget,
            MaxConcurrentAudits = concurrency,
            RdapServerLimits = new(MaxConcurrent: concurrency, MaxPerSecond: rdapPerSecond),
        };

        // Warm the JIT and the process-wide caches with a few sites outside the measured phases.
        using (var warm = ChokepointEngine.Create(settings))
        {
            await Task.WhenAll(sites.Take(Math.Min(8, sites.Count)).Select(site => warm.AuditAsync(site, cancellationToken: cancellationToken)));
        }

        async Task<Phase> SharedAsync() => await MeasureAsync("one engine", sites, concurrency, async () =>
        {
            using var engine = ChokepointEngine.Create(settings);
            return await AuditAllAsync(sites, concurrency, site => engine.AuditAsync(site, cancellationToken: cancellationToken));
        });

        async Task<Phase> PerSiteAsync() => await MeasureAsync("one engine per site", sites, concurrency, async () =>
            await AuditAllAsync(sites, concurrency, async site =>
            {
                using var engine = ChokepointEngine.Create(settings);
                return await engine.AuditAsync(site, cancellationToken: cancellationToken);
            }));

        var phases = order == "per-site-first"
            ? new[] { await PerSiteAsync(), await SharedAsync() }
            : [await SharedAsync(), await PerSiteAsync()];
        Console.WriteLine();
        Measure.Table(
            ["shape", "wall", "CPU per site", "allocated per site", "gaps (sum)", "graded"],
            phases.Select(p => new[]
            {
                p.Name,
                Measure.Seconds(p.Wall),
                Measure.Ms(p.Cpu.TotalMilliseconds / count),
                (p.Allocated / (double)count / 1048576).ToString("0.00", CultureInfo.InvariantCulture) + " MiB",
                p.Gaps.ToString(CultureInfo.InvariantCulture),
                p.Graded.ToString(CultureInfo.InvariantCulture),
            }));
        return 0;
    }

    private static async Task<List<AuditOutcome>> AuditAllAsync(List<string> sites, int concurrency, Func<string, Task<AuditOutcome>> audit)
    {
        using var gate = new SemaphoreSlim(concurrency);
        var tasks = sites.Select(async site =>
        {
            await gate.WaitAsync();
            try
            {
                return await audit(site);
            }
            finally
            {
                gate.Release();
            }
        });
        return [.. await Task.WhenAll(tasks)];
    }

    private static async Task<Phase> MeasureAsync(string name, List<string> sites, int concurrency, Func<Task<List<AuditOutcome>>> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var outcomes = await run();
        var wall = clock.Elapsed;
        process.Refresh();
        var phase = new Phase(
            name,
            wall,
            process.TotalProcessorTime - cpu,
            GC.GetTotalAllocatedBytes(precise: true) - allocated,
            outcomes.Sum(o => o.Observations.Unobserved.Count),
            outcomes.Count(o => o.Report.Grade is not null));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name}: {sites.Count} sites, {concurrency} at a time: {wall.TotalSeconds:0.00} s wall, {phase.Cpu.TotalSeconds:0.00} s CPU"));
        foreach (var group in outcomes.SelectMany(o => o.Observations.Unobserved).GroupBy(g => (g.Subject, g.Kind)).OrderByDescending(g => g.Count()).Take(5))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    gaps {group.Key.Subject} {group.Key.Kind}: {group.Count()} (e.g. {group.First().Reason})"));
        }
        return phase;
    }

    private sealed record Phase(string Name, TimeSpan Wall, TimeSpan Cpu, long Allocated, int Gaps, int Graded);
}
