using System.Globalization;

namespace Chokepoint.Benchmarks;

/// <summary>
/// Dispatches <c>dotnet run -c Release --project bench/Chokepoint.Benchmarks -- NAME [options]</c>.
/// These are end-to-end measurements (seconds long), timed with a stopwatch; see docs/benchmarks.md.
/// </summary>
internal static class BenchmarkCommand
{
    private const string Usage = """
        usage: Chokepoint.Benchmarks NAME [options]
          world-load [--sites 100000] [--seed 1] [--dns-queries 1000] [--https-fetches 20] [--keep FILE]
              generate a world, write it as YAML, then (in a fresh process) load it, serve it, query it
          world-load-breakdown --file FILE
              time the parts of WorldLoader.Load on a world file (written by world-load --keep FILE)
          audit-critical-path [--delay-ms 20] [--runs 5] [--sites onestack-demo.com,twodns-demo.com] [--warmup 1]
              [--trace 1] [--timeout 30] [--variant pipeline|parallel-ads-txt]
              audit demo sites through the full pipeline with a delay on every server; compare with the lower bound
          engine-scale [--sites 500] [--seed 1] [--concurrency 16] [--timeout 30] [--order shared-first|per-site-first] [--rdap-per-second 0]
              audit a generated world's sites through one engine, then one engine per site: CPU, allocations, wall
          cut-sets [BenchmarkDotNet options, e.g. --filter *]
              the fault-tree analysis of a page with 100/500/2000 script hosts: exhaustive (before) and bottom-up (after)
          scan-throughput [--sites 1000,10000] [--seed 1] [--concurrency 16] [--uncached-sites N] [--rdap-rate 0] [--rdap-concurrency 16]
              [--timeout 30] [--dir FOLDER] [--whatweb 1] [--whatweb-threads 25] [--whatweb-sites N] [--whatweb-strace FILE]
              scan a generated world served by another process (every layer, DNS cache on and off), and WhatWeb over its sites
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        if (args[0] == CutSetsBenchmark.Command)
        {
            return CutSetsBenchmark.Run(args[1..]);
        }

        var options = Options.Parse(args.AsSpan(1));
        if (options is null)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        return args[0] switch
        {
            "world-load" => await WorldLoadBenchmark.RunAsync(options, cancellation.Token),
            WorldLoadBenchmark.MeasureCommand => await WorldLoadBenchmark.MeasureAsync(options, cancellation.Token),
            WorldLoadBreakdown.Command => await WorldLoadBreakdown.RunAsync(options),
            "audit-critical-path" => await AuditCriticalPathBenchmark.RunAsync(options, cancellation.Token),
            EngineScaleBenchmark.Command => await EngineScaleBenchmark.RunAsync(options, cancellation.Token),
            ScanThroughputBenchmark.Command => await ScanThroughputBenchmark.RunAsync(options, cancellation.Token),
            ScanThroughputBenchmark.ServeCommand => await ScanThroughputBenchmark.ServeAsync(options, cancellation.Token),
            ScanThroughputBenchmark.ScanCommand => await ScanThroughputBenchmark.ScanAsync(options, cancellation.Token),
            _ => await UnknownAsync(args[0]),
        };
    }

    private static async Task<int> UnknownAsync(string name)
    {
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"unknown benchmark '{name}'"));
        await Console.Error.WriteLineAsync(Usage);
        return 2;
    }
}
