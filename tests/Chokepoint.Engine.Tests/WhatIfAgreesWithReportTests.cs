using Chokepoint.Analysis.Scenarios;
using Chokepoint.Model;
using Chokepoint.Simulation;
using Chokepoint.Simulation.Demo;

namespace Chokepoint.Engine.Tests;

/// <summary>
/// whatif and the report are one truth: every demo site is audited once on the simulated internet, then for every
/// chokepoint and every pair of the report, whatif is asked what the report claims.
/// </summary>
public sealed class WhatIfAgreesWithReportTests(WhatIfAgreesWithReportTests.DemoReports demo) : IClassFixture<WhatIfAgreesWithReportTests.DemoReports>
{
    private readonly IReadOnlyList<AuditReport> reports = demo.Reports;
    private readonly ChokepointEngine engine = demo.Engine;

    [Fact]
    public void Dropping_each_chokepoint_company_fails_exactly_the_functions_the_report_says_it_alone_can_break()
    {
        var checkedPoints = 0;
        foreach (var report in reports)
        {
            foreach (var point in report.Chokepoints)
            {
                var failed = Failed(engine.WhatIf(report, [point.Entity.Id]));
                var claimed = point.Functions.Order(StringComparer.Ordinal).ToList();
                Assert.True(claimed.SequenceEqual(failed), $"{report.Domain}, dropping {point.Entity.Id}: the report says {string.Join(", ", claimed)}; whatif fails {string.Join(", ", failed)}");
                var singleIn = report.Functions.Where(f => f.SinglePoints.Contains(point.Entity.Id)).Select(f => f.Id).Order(StringComparer.Ordinal);
                Assert.Equal(claimed, singleIn);
                checkedPoints++;
            }
        }

        Assert.True(checkedPoints >= DemoWorld.Sites.Count, $"only {checkedPoints} chokepoints in the demo world");
    }

    [Fact]
    public void Dropping_one_company_of_a_pair_fails_nothing_alone_for_that_function_and_the_pair_together_does()
    {
        var checkedPairs = 0;
        foreach (var report in reports)
        {
            foreach (var function in report.Functions)
            {
                foreach (var pair in function.Pairs)
                {
                    foreach (var company in pair)
                    {
                        var alone = engine.WhatIf(report, [company]).Result.For(function.Id)!;
                        Assert.True(alone.Outcome != OutcomeKind.Fails, $"{report.Domain}: {company} alone fails {function.Id}, which the report says needs the pair {string.Join(" + ", pair)}");
                    }

                    Assert.Equal(OutcomeKind.Fails, engine.WhatIf(report, pair).Result.For(function.Id)!.Outcome);
                    checkedPairs++;
                }
            }
        }

        Assert.True(checkedPairs > 0, "no pair in the demo world: the property was not exercised");
    }

    [Fact]
    public void A_supplier_no_chokepoint_names_fails_nothing_when_dropped_alone()
    {
        foreach (var report in reports)
        {
            var points = report.Chokepoints.Select(c => c.Entity.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var company in Companies(report).Where(c => !points.Contains(c)))
            {
                var failed = Failed(engine.WhatIf(report, [company]));
                Assert.True(failed.Count == 0, $"{report.Domain}: dropping {company}, no chokepoint, fails {string.Join(", ", failed)}");
            }
        }
    }

    [Fact]
    public void A_revenue_dependency_the_money_layer_calls_redundant_is_no_single_point_of_its_revenue_path()
    {
        var checkedDependencies = 0;
        foreach (var report in reports)
        {
            foreach (var dependency in report.Layers.Where(l => l.Layer == Layer.Money).SelectMany(l => l.Dependencies).Where(d => d.Redundant))
            {
                var company = (dependency.Owner ?? dependency.Entity).Id;
                var path = dependency.Service.RevenuePathOf()!.Value.RevenueFunctionId();
                var outcome = engine.WhatIf(report, [company]).Result.For(path);
                Assert.True(outcome is not { Outcome: OutcomeKind.Fails }, $"{report.Domain}: {dependency.Provider} is marked redundant, yet dropping {company} fails {path}");
                checkedDependencies++;
            }
        }

        Assert.True(checkedDependencies > 0, "no redundant revenue dependency in the demo world");
    }

    [Fact]
    public void Dropping_a_company_the_site_does_not_use_says_so_and_changes_nothing()
    {
        var report = reports.Single(r => r.Domain == "openshelter-demo.org");
        Assert.DoesNotContain("fastly", Companies(report));

        var whatIf = engine.WhatIf(report, ["fastly"]);

        Assert.True(whatIf.Result.NothingChanges);
        Assert.Equal("Fastly, Inc. is not among this site's suppliers; nothing changes", whatIf.Result.Dropped.Single().NothingChanges);
        Assert.Empty(whatIf.Recoveries);
    }

    private static List<string> Failed(WhatIfReport whatIf) =>
        [.. whatIf.Result.Functions.Where(f => f.Outcome == OutcomeKind.Fails).Select(f => f.FunctionId).Order(StringComparer.Ordinal)];

    private static IEnumerable<string> Companies(AuditReport report) => report.Layers
        .SelectMany(l => l.Dependencies).SelectMany(d => d.DependsOn.Prepend(d))
        .Select(d => (d.Owner ?? d.Entity).Id).Distinct(StringComparer.Ordinal);

    /// <summary>Every demo site audited once, on one simulated internet, through one engine.</summary>
    public sealed class DemoReports : IAsyncLifetime
    {
        public ChokepointEngine Engine { get; private set; } = null!;

        public IReadOnlyList<AuditReport> Reports { get; private set; } = [];

        public async Task InitializeAsync()
        {
            await using var internet = await SimulatedInternet.StartAsync(DemoWorld.Load());
            Engine = ChokepointEngine.Create(new EngineSettings { Network = internet.Profile, DnsQueryTimeout = TimeSpan.FromSeconds(10) });
            var outcomes = await Task.WhenAll(DemoWorld.Sites.Select(site => Engine.AuditAsync(site.Domain)));
            Reports = [.. outcomes.Select(outcome => outcome.Report)];
        }

        public Task DisposeAsync()
        {
            Engine.Dispose();
            return Task.CompletedTask;
        }
    }
}
