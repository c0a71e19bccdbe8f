namespace Chokepoint.Simulation.World;

/// <summary>
/// The fault kinds a world file may name (<see cref="Fault.Kind"/>), grouped by the servers that act on them,
/// and the target prefixes (<see cref="Fault.Target"/>) each group applies to.
/// </summary>
public static class KnownFaultKinds
{
    /// <summary>Kinds the DNS servers act on (targets <c>dns:NAME</c>, <c>ns:HOST</c>, <c>*</c>).</summary>
    public static IReadOnlySet<string> Dns { get; } =
        new HashSet<string>(["delay", "no-answer", "servfail", "refused", "truncated", "malformed"], StringComparer.Ordinal);

    /// <summary>Kinds the RDAP servers act on (targets <c>rdap:TLD</c>, <c>*</c>).</summary>
    public static IReadOnlySet<string> Rdap { get; } =
        new HashSet<string>(["delay", "rdap-404", "rdap-429", "rdap-503", "rdap-invalid-json"], StringComparer.Ordinal);

    /// <summary>Kinds the web servers act on (targets <c>web:HOST</c>, <c>*</c>).</summary>
    public static IReadOnlySet<string> Web { get; } =
        new HashSet<string>(
            ["delay", "http-500", "slow-body", "endless-body", "redirect-loop", "oversized-page", "cert-wrong-name", "cert-expired", "cert-untrusted"],
            StringComparer.Ordinal);

    /// <summary>Every known kind.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(Dns.Concat(Rdap).Concat(Web), StringComparer.Ordinal);

    /// <summary>The kinds that make sense for a target prefix ("dns", "ns", "rdap", "web", or "*" for every server).</summary>
    public static IReadOnlySet<string> ForTarget(string prefix) => prefix switch
    {
        "dns" or "ns" => Dns,
        "rdap" => Rdap,
        "web" => Web,
        _ => All,
    };
}
