using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Chokepoint.Analysis.Concentration;
using Chokepoint.Cli.Commands;
using Chokepoint.Engine;
using Chokepoint.Model;
using Chokepoint.Scanning;
using Chokepoint.Simulation;
using Chokepoint.Simulation.Generation;
using Chokepoint.Simulation.Web;
using Chokepoint.Simulation.World;

namespace Chokepoint.Benchmarks;

/// <summary>
/// <c>scan-throughput</c>: for each site count, generates a world and writes it as YAML, serves it in a second
/// process, and scans every site of it through <see cref="ScanRunner"/> (every layer, one engine, results streamed to a
/// JSON Lines file and its journal, as <c>chokepoint scan -o FILE</c> does) in a third process, whose peak resident set
/// it reads from <c>/proc/self/status</c>. The scan runs twice, with the session's DNS cache and without it
/// (<see cref="EngineSettings.DnsCacheSize"/> 0); the DNS queries are counted by the simulated servers. WhatWeb, when
/// installed, fingerprints the same sites over HTTP(S), its name lookups sent to the simulated resolver and its
/// connections refused outside loopback by a Ruby file loaded before it, so nothing leaves loopback.
/// </summary>
internal static class ScanThroughputBenchmark
{
    public const string Command = "scan-throughput";
    public const string ServeCommand = "scan-throughput-serve";
    public const string ScanCommand = "scan-throughput-scan";

    private const string WhatWebPath = "/usr/bin/whatweb";

    public static async Task<int> RunAsync(Options options, CancellationToken cancellationToken)
    {
        var counts = (options.Text("sites") ?? "1000,10000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var seed = options.Int("seed", 1);
        var concurrency = options.Int("concurrency", ScanOptions.DefaultConcurrency);
        var uncachedLimit = options.Int("uncached-sites", int.MaxValue);
        var whatWebWanted = options.Int("whatweb", 1) != 0;
        var whatWebThreads = options.Int("whatweb-threads", 25);
        var whatWebLimit = options.Int("whatweb-sites", int.MaxValue);
        var work = options.Text("dir") ?? Path.Combine(Path.GetTempPath(), "chokepoint-bench-scan");
        Directory.CreateDirectory(work);
        Measure.Machine();
        var whatWeb = whatWebWanted && File.Exists(WhatWebPath);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Command}: sites {string.Join(", ", counts)} (seed {seed}), {concurrency} sites at a time, RDAP {Rdap(options)}, work folder {work}"));
        if (!whatWeb)
        {
            Console.WriteLine(whatWebWanted
                ? $"WhatWeb: not installed ({WhatWebPath} not found; apt-get install whatweb): its columns are left out"
                : "WhatWeb: not asked for (--whatweb 0): its columns are left out");
        }

        Console.WriteLine("load average at start: " + LoadAverage());
        var rows = new List<Row>();
        foreach (var count in counts)
        {
            rows.Add(await RunOneAsync(count, seed, concurrency, Math.Min(count, uncachedLimit), whatWeb ? whatWebThreads : 0, Math.Min(count, whatWebLimit), options, work, cancellationToken));
        }

        Console.WriteLine();
        Console.WriteLine("load average at end: " + LoadAverage());
        Console.WriteLine();
        var header = new List<string> { "sites", "Chokepoint scan", "scan wall", "complete / incomplete / failed", "CPU per site", "peak RSS while auditing", "peak RSS with final rewrite" };
        if (whatWeb)
        {
            header.AddRange(["WhatWeb (HTTP only)", "WhatWeb wall", "ratio"]);
        }

        Measure.Table([.. header], rows.Select(r =>
        {
            var cells = new List<string>
            {
                r.Sites.ToString("N0", CultureInfo.InvariantCulture),
                PerSecond(r.Cached.Sites, r.Cached.AuditWall),
                Measure.Seconds(r.Cached.AuditWall),
                string.Create(CultureInfo.InvariantCulture, $"{r.Cached.Complete} / {r.Cached.Incomplete} / {r.Cached.Failed}"),
                Measure.Ms(r.Cached.Cpu.TotalMilliseconds / r.Cached.Sites),
                Measure.MiB(r.Cached.PeakWhileAuditing),
                Measure.MiB(r.Cached.PeakAtEnd),
            };
            if (r.WhatWeb is { } w)
            {
                cells.AddRange([
                    PerSecond(w.Sites, w.Wall),
                    Measure.Seconds(w.Wall) + (w.Sites == r.Sites ? "" : string.Create(CultureInfo.InvariantCulture, $" (first {w.Sites:N0} sites)")),
                    (r.Cached.Sites / r.Cached.AuditWall.TotalSeconds / (w.Sites / w.Wall.TotalSeconds)).ToString("0.0", CultureInfo.InvariantCulture) + "x"]);
            }
            else if (whatWeb)
            {
                cells.AddRange(["-", "-", "-"]);
            }

            return cells.ToArray();
        }));
        Console.WriteLine();
        Measure.Table(
            ["sites", "DNS queries per site, session cache on", "scan sites", "DNS queries per site, cache off", "scan sites (cache off)", "cache off: sites/s", "saved by the cache"],
            rows.Select(r => new[]
            {
                r.Sites.ToString("N0", CultureInfo.InvariantCulture),
                PerSite(r.Cached.Dns, r.Cached.Sites),
                r.Cached.Sites.ToString("N0", CultureInfo.InvariantCulture),
                PerSite(r.Uncached.Dns, r.Uncached.Sites),
                r.Uncached.Sites.ToString("N0", CultureInfo.InvariantCulture),
                PerSecond(r.Uncached.Sites, r.Uncached.AuditWall),
                (1 - (r.Cached.Dns.Total / (double)r.Cached.Sites) / (r.Uncached.Dns.Total / (double)r.Uncached.Sites)).ToString("P0", CultureInfo.InvariantCulture),
            }));
        return 0;
    }

    /// <summary>The serving process: loads the world, serves it until standard input closes, answers "dns" with the query counts.</summary>
    public static async Task<int> ServeAsync(Options options, CancellationToken cancellationToken)
    {
        var file = options.Text("world") ?? throw new ArgumentException("--world is required");
        var profile = options.Text("profile") ?? throw new ArgumentException("--profile is required");
        var loaded = WorldLoader.Load(file);
        if (loaded.World is not { } world)
        {
            await Console.Error.WriteLineAsync(loaded.Describe());
            return 1;
        }

        // One simulated web server stands for every site's: it must accept as many connections as all of them would,
        // all from the one scanning client (its defaults, 256 and 64 per client, are for tests); as in engine-scale.
        await using var internet = await SimulatedInternet.StartAsync(
            world, new SimulationOptions { HttpLimits = new HttpServerLimits { MaxConnections = 8192, MaxConnectionsPerClient = 8192 } }, cancellationToken);
        await internet.WriteProfileAsync(profile, cancellationToken);
        Console.WriteLine("ready");
        while (await Console.In.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line == "dns")
            {
                var queries = internet.Dns.Queries;
                await queries.WhenQuietAsync(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(15));
                var snapshot = queries.Snapshot();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"dns {queries.Total} {snapshot.Where(p => p.Key.Resolver).Sum(p => p.Value)} {snapshot.Where(p => !p.Key.Resolver).Sum(p => p.Value)}"));
            }
        }

        return 0;
    }

    /// <summary>The scanning process: one engine, <see cref="ScanRunner"/> over the list, results to a JSON Lines file and its journal.</summary>
    public static async Task<int> ScanAsync(Options options, CancellationToken cancellationToken)
    {
        var listFile = options.Text("list") ?? throw new ArgumentException("--list is required");
        var output = options.Text("output") ?? throw new ArgumentException("--output is required");
        var network = NetworkProfileFile.Read(new FileInfo(options.Text("network") ?? throw new ArgumentException("--network is required")));
        var concurrency = options.Int("concurrency", ScanOptions.DefaultConcurrency);
        var settings = new EngineSettings
        {
            Network = network,
            MaxConcurrentAudits = concurrency,
            DnsCacheSize = options.Int("dns-cache", new EngineSettings().DnsCacheSize),
            SiteBudget = TimeSpan.FromSeconds(options.Int("timeout", 30)),
            RdapServerLimits = new(MaxConcurrent: options.Int("rdap-concurrency", 16), MaxPerSecond: options.Int("rdap-rate", 0)),
        };

        var process = Process.GetCurrentProcess();
        var started = Stopwatch.StartNew();
        using var engine = ChokepointEngine.Create(settings);
        ScanList list;
        using (var reader = new StreamReader(listFile))
        {
            list = ScanList.Parse(reader, name => engine.SiteName(name).Domain);
        }

        var identity = ScanIdentity.Of(list, ["format=" + ScanFormat.JsonLines, "top="]);
        var startup = started.Elapsed;
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        using var journal = ScanJournal.Open(output + ".journal.sqlite", identity, restart: true);
        var progress = new LastSite(list.Entries.Count);
        var clock = Stopwatch.StartNew();
        progress.Clock = clock;
        ScanSummary summary;
        await using (var file = await ScanOutput.OpenAsync(output, ScanFormat.JsonLines, journal, cancellationToken))
        {
            var runner = new ScanRunner(engine, journal, new ScanOptions { Concurrency = concurrency, Format = ScanFormat.JsonLines }, TimeProvider.System);
            summary = await runner.RunAsync(list, file.WriteLineAsync, progress, cancellationToken);
            await file.CompleteAsync(journal, cancellationToken);
        }

        var wall = clock.Elapsed;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var peakAtEnd = PeakResidentBytes();
        var reasons = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(output))
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String)
            {
                var key = reason.GetString()!;
                key = key.Length > 100 ? key[..100] + "..." : key;
                reasons[key] = reasons.GetValueOrDefault(key) + 1;
            }
        }

        foreach (var (reason, count) in reasons.OrderByDescending(p => p.Value).Take(5))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reason {count}: {reason}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"result {summary.Total} {summary.Complete} {summary.Incomplete} {summary.Failed} {(progress.At ?? wall).TotalSeconds:R} {wall.TotalSeconds:R} {cpu.TotalSeconds:R} {progress.Peak ?? peakAtEnd} {peakAtEnd} {startup.TotalSeconds:R} {new FileInfo(output).Length}"));
        return 0;
    }

    private static async Task<Row> RunOneAsync(int count, int seed, int concurrency, int uncachedSites, int whatWebThreads, int whatWebSites, Options options, string work,
        CancellationToken cancellationToken)
    {
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"== {count} sites"));
        var folder = Path.Combine(work, count.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var worldFile = Path.Combine(folder, "world.yaml");
        var listFile = Path.Combine(folder, "sites.txt");
        var uncachedList = Path.Combine(folder, "sites-uncached.txt");
        var whatWebList = Path.Combine(folder, "sites-whatweb.txt");
        var profileFile = Path.Combine(folder, "profile.json");
        var clock = Stopwatch.StartNew();
        List<string> sites;
        ExpectedConcentration? expected = null;
        {
            // With --shares, a world whose truth is known (docs/world-format.md), checked against the scan below.
            Chokepoint.Simulation.World.World world;
            if (options.Text("shares") is { } preset)
            {
                var shares = ProviderShareSet.Preset(preset) ?? throw new ArgumentException($"--shares: {preset} is not a preset ({string.Join(", ", ProviderShareSet.Presets)})");
                var generated = WorldGenerator.Generate(count, seed, shares, cancellationToken);
                expected = ExpectedConcentration.Of(generated);
                world = generated.World;
            }
            else
            {
                world = WorldGenerator.Generate(count, seed, cancellationToken);
            }

            await using (var writer = new StreamWriter(worldFile))
            {
                WorldWriter.Write(world, writer, cancellationToken);
            }

            sites = world.Sites.Select(s => s.Domain).ToList();
        }

        await File.WriteAllLinesAsync(listFile, sites, cancellationToken);
        await File.WriteAllLinesAsync(uncachedList, sites.Take(uncachedSites), cancellationToken);
        await File.WriteAllLinesAsync(whatWebList, sites.Take(whatWebSites), cancellationToken);
        GC.Collect();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated and wrote the world in {Measure.Seconds(clock.Elapsed)} ({Measure.MiB(new FileInfo(worldFile).Length)})"));

        File.Delete(profileFile);
        clock.Restart();
        using var serve = Start([ServeCommand, "--world", worldFile, "--profile", profileFile], redirect: true);
        if (await serve.StandardOutput.ReadLineAsync(cancellationToken) != "ready")
        {
            throw new InvalidOperationException("the serving process did not start");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"serving process {serve.Id}: loaded and serving in {Measure.Seconds(clock.Elapsed)}"));
        try
        {
            var cached = await ScanPhaseAsync("session DNS cache on", serve, listFile, profileFile, Path.Combine(folder, "scan.jsonl"), concurrency, cacheSize: null, options, cancellationToken);
            if (expected is not null)
            {
                CompareWithTruth(expected, Path.Combine(folder, "scan.jsonl"));
            }

            var uncached = await ScanPhaseAsync("session DNS cache off", serve, uncachedList, profileFile, Path.Combine(folder, "scan-uncached.jsonl"), concurrency, cacheSize: 0, options, cancellationToken);
            WhatWebResult? whatWeb = whatWebThreads > 0 ? await WhatWebAsync(whatWebList, profileFile, folder, whatWebThreads, whatWebSites, options.Text("whatweb-strace"), cancellationToken) : null;
            return new Row(count, cached, uncached, whatWeb);
        }
        finally
        {
            serve.StandardInput.Close();
            if (!serve.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                serve.Kill();
            }
        }
    }

    /// <summary>
    /// The scan's concentration summary against the world's known truth, count by count, as
    /// tests/Chokepoint.Scanning.Tests/KnownTruthWorldTests.cs does on 2,000 sites; prints the result.
    /// </summary>
    private static void CompareWithTruth(ExpectedConcentration expected, string scanFile)
    {
        var builder = new ConcentrationBuilder();
        using (var reader = new StreamReader(scanFile))
        {
            ScanResultsReader.Summarize(reader, builder, _ => { });
        }

        var summary = builder.Build();
        var layerOf = new Dictionary<string, Layer>(StringComparer.Ordinal)
        {
            ["registration"] = Layer.Registration, ["dns"] = Layer.Dns, ["hosting"] = Layer.Hosting,
            ["cdn"] = Layer.Cdn, ["tls"] = Layer.Tls, ["mail"] = Layer.Mail,
        };
        var compared = 0;
        var mismatches = new List<string>();
        foreach (var (name, truth) in expected.Layers)
        {
            var layer = summary.Layers.Single(l => l.Layer == layerOf[name]);
            void Check(string what, int want, int got)
            {
                compared++;
                if (want != got)
                {
                    mismatches.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {what}: expected {want}, scan {got}"));
                }
            }

            Check("sites", truth.Sites - truth.OriginHidden, layer.Observed);
            Check("incomplete", truth.OriginHidden, layer.Incomplete);
            Check("using a third party", truth.UsingThirdParty, layer.UsingThirdParty);
            Check("critical", truth.Critical, layer.Critical);
            foreach (var id in truth.Companies.Keys.Union(layer.Uses.Keys).Union(layer.CriticalOn.Keys))
            {
                var company = truth.Companies.GetValueOrDefault(id) ?? new ExpectedCompany(0, 0);
                Check(id + " uses", company.Uses, layer.Uses.GetValueOrDefault(id));
                Check(id + " critical", company.Critical, layer.CriticalOn.GetValueOrDefault(id));
            }
        }

        Console.WriteLine(mismatches.Count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"  known truth ({expected.Shares}): all {compared} per-layer and per-company counts of {summary.Sites} sites equal the expected")
            : string.Create(CultureInfo.InvariantCulture, $"  known truth ({expected.Shares}): {mismatches.Count} of {compared} counts differ: {string.Join("; ", mismatches.Take(10))}"));
    }

    private static async Task<ScanResult> ScanPhaseAsync(string name, Process serve, string listFile, string profileFile, string output, int concurrency, int? cacheSize,
        Options options, CancellationToken cancellationToken)
    {
        var before = await CountDnsAsync(serve, cancellationToken);
        var load = LoadAverage();
        var arguments = new List<string> { ScanCommand, "--list", listFile, "--network", profileFile, "--output", output, "--concurrency", concurrency.ToString(CultureInfo.InvariantCulture) };
        if (cacheSize is { } size)
        {
            arguments.AddRange(["--dns-cache", size.ToString(CultureInfo.InvariantCulture)]);
        }

        foreach (var option in new[] { "rdap-rate", "rdap-concurrency", "timeout" })
        {
            if (options.Text(option) is { } value)
            {
                arguments.AddRange(["--" + option, value]);
            }
        }

        using var scan = Start(arguments, redirect: true);
        scan.StandardInput.Close();
        string? result = null;
        while (await scan.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("result ", StringComparison.Ordinal))
            {
                result = line;
            }
            else
            {
                Console.WriteLine("    " + line);
            }
        }

        await scan.WaitForExitAsync(cancellationToken);
        var after = await CountDnsAsync(serve, cancellationToken);
        if (result is null || scan.ExitCode != 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"the scanning process ended with {scan.ExitCode} and no result"));
        }

        var f = result.Split(' ');
        double D(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
        long L(int i) => long.Parse(f[i], CultureInfo.InvariantCulture);
        var dns = new DnsCount(after.Total - before.Total, after.Resolver - before.Resolver, after.Authoritative - before.Authoritative);
        var phase = new ScanResult((int)L(1), (int)L(2), (int)L(3), (int)L(4), TimeSpan.FromSeconds(D(5)), TimeSpan.FromSeconds(D(6)), TimeSpan.FromSeconds(D(7)), L(8), L(9), dns);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name}: {phase.Sites} sites in {Measure.Seconds(phase.AuditWall)} ({PerSecond(phase.Sites, phase.AuditWall)}; {Measure.Seconds(phase.Wall)} with the final rewrite), engine start {D(10):0.00} s, CPU {phase.Cpu.TotalSeconds:0.0} s, complete {phase.Complete}, incomplete {phase.Incomplete}, failed {phase.Failed}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    peak RSS {Measure.MiB(phase.PeakWhileAuditing)} when the last site was written, {Measure.MiB(phase.PeakAtEnd)} at the end; output {Measure.MiB(L(11))}; DNS queries {dns.Total} ({dns.Resolver} at the resolver, {dns.Authoritative} at authoritative servers), {PerSite(dns, phase.Sites)} per site; load average before {load}, after {LoadAverage()}"));
        return phase;
    }

    private static async Task<WhatWebResult> WhatWebAsync(string listFile, string profileFile, string folder, int threads, int count, string? strace,
        CancellationToken cancellationToken)
    {
        var profile = NetworkProfileFile.Read(new FileInfo(profileFile));
        var resolver = Collection.Dns.DnsLookup.ParseEndPoint(profile.Resolver!, 53);
        // WhatWeb resolves every target itself (Resolv.getaddress, for its IP field) and connects with TCPSocket, which
        // its resolv-replace also sends through Resolv; Resolv reads /etc/hosts and /etc/resolv.conf. Loaded before it,
        // this file makes Resolv ask the simulated resolver only, maps ports 80 and 443 to the simulation's, and refuses
        // any address outside 127.0.0.0/8. (Its --proxy cannot be used
        // for HTTPS: WhatWeb 0.5.5 starts TLS before it sends CONNECT, "SSL session is not started yet".)
        var preload = Path.Combine(folder, "whatweb-simulated-internet.rb");
        await File.WriteAllTextAsync(preload, string.Create(CultureInfo.InvariantCulture, $$"""
            require 'resolv'
            require 'resolv-replace' # as WhatWeb does, before the module is prepended (an alias made after a prepend recurses)
            module ChokepointSimulatedInternet
              RESOLVER = Resolv::DNS.new(nameserver_port: [['{{resolver.Address}}', {{resolver.Port}}]], search: [], ndots: 1)
              PORTS = { 80 => {{profile.HttpPort}}, 443 => {{profile.HttpsPort}} }.freeze
              def initialize(host, port, *rest, **options)
                name = host.to_s
                address = name =~ Resolv::IPv4::Regex ? name : RESOLVER.getaddress(name).to_s
                raise SocketError, "#{name} is #{address}, not a loopback address" unless address.start_with?('127.')
                super(address, PORTS.fetch(port.to_i, port), *rest, **options)
              end
            end
            TCPSocket.prepend(ChokepointSimulatedInternet)
            Resolv::DefaultResolver.replace_resolvers([ChokepointSimulatedInternet::RESOLVER])

            """), cancellationToken);
        var log = Path.Combine(folder, "whatweb.log");
        var errors = Path.Combine(folder, "whatweb-errors.log");
        File.Delete(log);
        File.Delete(errors);
        var start = new ProcessStartInfo { FileName = strace is null ? "ruby" : "strace", UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        var arguments = new List<string>();
        if (strace is not null)
        {
            arguments.AddRange(["-f", "-e", "trace=connect,sendto,sendmsg,openat", "-o", strace, "ruby"]);
        }

        arguments.AddRange(["-r", preload, WhatWebPath, "--max-threads", threads.ToString(CultureInfo.InvariantCulture), "-i", listFile,
            "--log-brief=" + log, "--log-errors=" + errors, "--quiet", "--color=never"]);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var load = LoadAverage();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start WhatWeb");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var wall = clock.Elapsed;
        _ = await stdout;
        var errorLines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var logged = File.Exists(log) ? File.ReadAllLines(log) : [];
        var statuses = logged.Select(l => l.Split(' ', 3) is [_, var status, ..] ? status.TrimStart('[') : "?").GroupBy(s => s).OrderByDescending(g => g.Count())
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} x {g.Key}"));
        var https = logged.Count(l => l.StartsWith("https://", StringComparison.Ordinal) && !l.Contains("[30", StringComparison.Ordinal));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  WhatWeb ({threads} threads): {count} sites in {Measure.Seconds(wall)} ({PerSecond(count, wall)}), exit {process.ExitCode}; {logged.Length} results logged, redirect targets included (status {string.Join(", ", statuses)}), {https} final HTTPS pages; {errorLines.Length} error lines; load average before {load}, after {LoadAverage()}"));
        foreach (var line in errorLines.Take(3))
        {
            Console.WriteLine("    WhatWeb: " + line);
        }

        return new WhatWebResult(count, wall);
    }

    private static async Task<DnsCount> CountDnsAsync(Process serve, CancellationToken cancellationToken)
    {
        await serve.StandardInput.WriteLineAsync("dns".AsMemory(), cancellationToken);
        await serve.StandardInput.FlushAsync(cancellationToken);
        var line = await serve.StandardOutput.ReadLineAsync(cancellationToken) ?? throw new InvalidOperationException("the serving process ended");
        var f = line.Split(' ');
        return new DnsCount(long.Parse(f[1], CultureInfo.InvariantCulture), long.Parse(f[2], CultureInfo.InvariantCulture), long.Parse(f[3], CultureInfo.InvariantCulture));
    }

    private static Process Start(IEnumerable<string> arguments, bool redirect)
    {
        var start = new ProcessStartInfo { FileName = Environment.ProcessPath ?? "dotnet", UseShellExecute = false, RedirectStandardInput = redirect, RedirectStandardOutput = redirect };
        if (Path.GetFileNameWithoutExtension(start.FileName).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(ScanThroughputBenchmark).Assembly.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start " + string.Join(' ', arguments));
    }

    /// <summary>VmHWM of this process (its peak resident set), in bytes.</summary>
    private static long PeakResidentBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return Process.GetCurrentProcess().PeakWorkingSet64;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Rdap(Options options) =>
        options.Int("rdap-rate", 0) is var rate and > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{rate} requests/s and {options.Int("rdap-concurrency", 16)} in flight per server")
            : string.Create(CultureInfo.InvariantCulture, $"not rate limited, {options.Int("rdap-concurrency", 16)} in flight per server");

    private static string PerSecond(int sites, TimeSpan wall) => (sites / wall.TotalSeconds).ToString("0.0", CultureInfo.InvariantCulture) + " sites/s";

    private static string PerSite(DnsCount dns, int sites) =>
        (dns.Total / (double)sites).ToString("0.0", CultureInfo.InvariantCulture)
        + string.Create(CultureInfo.InvariantCulture, $" ({dns.Resolver / (double)sites:0.0} resolver + {dns.Authoritative / (double)sites:0.0} authoritative)");

    /// <summary>Reads the peak resident set when the last site of the list is written (before the final rewrite).</summary>
    private sealed class LastSite(int total) : IProgress<ScanProgress>
    {
        public Stopwatch? Clock { get; set; }

        public long? Peak { get; private set; }

        public TimeSpan? At { get; private set; }

        public void Report(ScanProgress value)
        {
            if (value.Done == total)
            {
                At = Clock?.Elapsed;
                Peak = PeakResidentBytes();
            }
            else if (value.Done % 1000 == 0)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    scan: {value.Done}/{value.Total}, {value.Rate:0.0}/s, RSS peak {Measure.MiB(PeakResidentBytes())}"));
            }
        }
    }

    private sealed record DnsCount(long Total, long Resolver, long Authoritative);

    private sealed record ScanResult(int Sites, int Complete, int Incomplete, int Failed, TimeSpan AuditWall, TimeSpan Wall, TimeSpan Cpu, long PeakWhileAuditing, long PeakAtEnd, DnsCount Dns);

    private sealed record WhatWebResult(int Sites, TimeSpan Wall);

    private sealed record Row(int Sites, ScanResult Cached, ScanResult Uncached, WhatWebResult? WhatWeb);
}
