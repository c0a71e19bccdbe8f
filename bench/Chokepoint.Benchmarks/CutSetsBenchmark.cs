using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Chokepoint.Analysis.FaultTree;
using Chokepoint.Analysis.Model;
using Chokepoint.Model;

namespace Chokepoint.Benchmarks;

/// <summary>
/// <c>cut-sets</c>: the fault-tree analysis of a page with 100, 500 and 2,000 third-party script hosts, the
/// exhaustive search it replaced (<see cref="ExhaustiveCutSets"/>, every set of companies tried against the whole
/// tree) side by side with the bottom-up one (<see cref="MinimalCutSets"/>) and the whole
/// <see cref="ChokepointAnalysis.Analyze"/> on top of it. A short job (BenchmarkDotNet, one launch, one warm-up,
/// three measured runs of one call each, in process): the old search at 2,000 hosts takes tens of seconds a call.
/// </summary>
[MemoryDiagnoser]
public class CutSetsBenchmark
{
    public const string Command = "cut-sets";

    private SiteModel model = null!;

    /// <summary>Third-party script hosts on the page.</summary>
    [Params(100, 500, 2_000)]
    public int Hosts { get; set; }

    [GlobalSetup]
    public void Setup() => model = PageModel(Hosts);

    /// <summary>Before: minimal cut sets of order 1 and 2 of every function by trying every pair of companies.</summary>
    [Benchmark(Baseline = true, Description = "exhaustive cut sets (before)")]
    public int Exhaustive() => model.Functions.Sum(f => ExhaustiveCutSets.Compute(f.Requirement, 2).Count);

    /// <summary>After: the same cut sets computed bottom-up.</summary>
    [Benchmark(Description = "bottom-up cut sets (after)")]
    public int BottomUp() => model.Functions.Sum(f => MinimalCutSets.Compute(f.Requirement, 2).Count);

    /// <summary>After: the whole analysis (cut sets, chokepoints, pairs, grade) as <c>analyze</c> runs it.</summary>
    [Benchmark(Description = "ChokepointAnalysis.Analyze (after)")]
    public int Analysis() => ChokepointAnalysis.Analyze(model).Chokepoints.Count;

    /// <summary>
    /// A site on one DNS host, CDN and CA, and a page whose blocking scripts come from <paramref name="hosts"/>
    /// companies: one in four with a mirror at another company, each on one of 20 DNS providers (as a script CDN
    /// relying on its own DNS is modelled: All(host, its DNS)).
    /// </summary>
    public static SiteModel PageModel(int hosts)
    {
        static Requirement Needs(string company, string service, Layer layer) =>
            Requirement.Needs(new Supplier(company, company, service, layer, company + ".example"));

        var dns = Needs("dns-host", "dns", Layer.Dns);
        var name = Requirement.All(Needs("registry", "registry", Layer.Registration), Needs("registrar", "registrar", Layer.Registration), dns);
        var web = Requirement.All(name, Needs("cdn", "cdn", Layer.Cdn), Needs("cloud", "hosting", Layer.Hosting));
        var scripts = Enumerable.Range(0, hosts).Select(i =>
        {
            var host = Requirement.All(Needs($"script-{i}", "script-cdn", Layer.Page), Needs($"script-dns-{i % 20}", "dns", Layer.Dns));
            return i % 4 == 0 ? Requirement.Any(host, Needs($"mirror-{i}", "script-cdn", Layer.Page)) : host;
        }).ToArray();
        return new SiteModel("example.org",
        [
            new SiteFunction("name-resolves", "The name resolves", FunctionKind.Reachability, Importance.Critical, name),
            new SiteFunction("web-served", "Web pages are served", FunctionKind.Reachability, Importance.Critical, web),
            new SiteFunction("https-trusted", "HTTPS is trusted", FunctionKind.Trust, Importance.Critical, Requirement.All(web, Needs("ca", "ca", Layer.Tls))),
            new SiteFunction("page-scripts", "The page's blocking scripts load", FunctionKind.Content, Importance.Medium, Requirement.All(scripts)),
        ]);
    }

    public static int Run(string[] args)
    {
        // Same answers before timing anything: the benchmark compares two ways to one result.
        var check = PageModel(100);
        foreach (var function in check.Functions)
        {
            var before = string.Join("|", ExhaustiveCutSets.Compute(function.Requirement, 2));
            var after = string.Join("|", MinimalCutSets.Compute(function.Requirement, 2));
            if (before != after)
            {
                Console.Error.WriteLine($"cut sets differ for {function.Id}");
                return 1;
            }
        }

        BenchmarkRunner.Run<CutSetsBenchmark>(ShortJob(), args);
        return 0;
    }

    /// <summary>The default loggers, columns and exporters, with one short job.</summary>
    private static ManualConfig ShortJob() => DefaultConfig.Instance
        .AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(3)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithToolchain(InProcessEmitToolchain.Instance))
        .WithOptions(ConfigOptions.DisableOptimizationsValidator);
}
