namespace Chokepoint.Model;

/// <summary>
/// Whether a DNS operator in the site's delegation actually serves the zone, read from how its nameservers answered
/// (<see cref="NameServerFacts.State"/>). A company listed in the delegation whose every nameserver is lame (answers
/// without authority, or refuses) or unreachable serves nothing: resolvers that ask it get no answer, so it is no
/// alternative to the one that does. One authoritative nameserver is enough to count. A nameserver whose state was
/// not observed (unknown, or its own name did not resolve) is neither: whether it serves was not seen.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1912#section-2.8">RFC 1912 section 2.8: lame delegations</seealso>
public static class ZoneServing
{
    /// <summary>True when every nameserver of the delegation facts was asked and none serves: each is lame or unreachable.</summary>
    public static bool ServesNothing(DelegationFacts? delegation) =>
        delegation is { NameServers.Count: > 0 } && delegation.NameServers.All(ns => ns.State is NameServerState.Lame or NameServerState.Unreachable);

    /// <summary>True when none of the nameservers was seen to serve and at least one was not observed (unknown, unresolved).</summary>
    public static bool NotSeenToServe(DelegationFacts? delegation) =>
        delegation is { NameServers.Count: > 0 }
        && !delegation.NameServers.Any(ns => ns.State == NameServerState.Authoritative)
        && delegation.NameServers.Any(ns => ns.State is NameServerState.Unknown or NameServerState.Unresolved);

    /// <summary>
    /// The companies (ultimate owner ids) among the site's DNS operators whose every nameserver serves nothing, when
    /// at least one other company of the delegation is not shown to serve nothing. When no company serves, nothing
    /// tells the operators apart and none is set aside (the name does not resolve; the gaps say so).
    /// </summary>
    public static IReadOnlySet<string> NotServing(IEnumerable<Dependency> dnsDependencies)
    {
        var byCompany = dnsDependencies
            .Where(d => d.Service == ServiceKind.Dns)
            .GroupBy(d => (d.Owner ?? d.Entity).Id, StringComparer.Ordinal)
            .Select(group => (Company: group.Key, ServesNothing: group.All(d => ServesNothing(d.Facts?.Delegation))))
            .ToList();
        return byCompany.Any(c => !c.ServesNothing)
            ? byCompany.Where(c => c.ServesNothing).Select(c => c.Company).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
    }
}
