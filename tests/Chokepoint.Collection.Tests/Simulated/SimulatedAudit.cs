using Chokepoint.Collection.Audit;
using Chokepoint.Observations;
using Chokepoint.Simulation;
using Xunit.Abstractions;

namespace Chokepoint.Collection.Tests.Simulated;

/// <summary>One audit of a site of a simulated internet, with every gap written to the test's output.</summary>
public static class SimulatedAudit
{
    /// <summary>Short timeouts, so that a silent server costs seconds, within a budget that lets every fault be met.</summary>
    public static CollectionOptions FaultOptions { get; } = new()
    {
        Timeout = TimeSpan.FromSeconds(12),
        DnsQueryTimeout = TimeSpan.FromSeconds(2),
        RdapTimeout = TimeSpan.FromSeconds(3),
        TlsTimeout = TimeSpan.FromSeconds(3),
        HttpTimeout = TimeSpan.FromSeconds(3),
    };

    public static async Task<SiteObservations> CollectAsync(SimulatedInternet internet, string domain, CollectionOptions options, ITestOutputHelper output)
    {
        var site = await new AuditCollector(TimeProvider.System).CollectAsync(domain, internet.Profile, options, CancellationToken.None);
        foreach (var gap in site.Unobserved)
        {
            output.WriteLine($"{gap.What} [{gap.Subject}, {gap.Kind}, {gap.Target}]: {gap.Reason}");
        }

        return site;
    }
}
