using System.Text.RegularExpressions;
using Chokepoint.Collection.Session;
using Chokepoint.Observations;
using Chokepoint.Simulation;
using Chokepoint.Simulation.Demo;
using Chokepoint.Simulation.World;

namespace Chokepoint.Collection.Tests.Session;

/// <summary>What the session tests share: a fresh demo world per test (its counters start at zero) and comparisons.</summary>
internal static partial class SessionWorld
{
    public static readonly string[] Sites = ["onestack-demo.com", "twodns-demo.com", "selfhosted-demo.net", "twoca-demo.com"];

    public static async Task<SimulatedInternet> StartAsync(params Fault[] faults)
    {
        var world = DemoWorld.Load();
        world.Faults.AddRange(faults);
        return await SimulatedInternet.StartAsync(world);
    }

    /// <summary>
    /// Settings for the simulated internet, with a DNS timeout long enough that a loaded test machine does not turn
    /// an answer into a timeout (a failure is not cached, and the counting tests would see it asked again).
    /// </summary>
    public static CollectionSettings Settings(SimulatedInternet internet) =>
        new() { Network = internet.Profile, DnsQueryTimeout = TimeSpan.FromSeconds(10) };

    /// <summary>
    /// The observations as JSON with every timestamp (and HTTP Date header) blanked, and which nameserver answered (the first of a zone's
    /// equivalent servers to answer wins a race): equal when the same facts were seen.
    /// </summary>
    public static string Facts(SiteObservations site) =>
        Server().Replace(Timestamp().Replace(ObservationsJson.Serialize(site with { CollectedAt = default }), "T"), "dns server");

    [GeneratedRegex(@"dns 127\.[0-9.]+:\d+")]
    private static partial Regex Server();

    [GeneratedRegex(@"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)|\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT")]
    private static partial Regex Timestamp();
}
