using System.Globalization;
using Chokepoint.Naming;
using Chokepoint.Observations;
using Chokepoint.Observations.Registration;

namespace Chokepoint.Collection.Audit;

/// <summary>
/// Which registrable domains holding a site's nameservers have their RDAP registration looked up, and the lookups:
/// every domain that is not the site's own and whose nameservers are not a known provider's, at most
/// <see cref="MaxDomains"/> per site, cheapest first (the site's own TLD, whose RDAP service is already being asked,
/// then the domains holding most of the site's nameservers, then by name). A domain left over is a
/// <see cref="GapKind.Bounded"/> gap, never dropped unseen.
/// </summary>
internal static class NameServerDomains
{
    /// <summary>The most nameserver domains looked up for one site: a site with more is rare, and each costs a request.</summary>
    public const int MaxDomains = 4;

    /// <summary>The domains to look up, with the site's nameservers under each, and those left over.</summary>
    public static (List<(string Domain, List<string> NameServers)> Chosen, List<string> LeftOver) Choose(
        string siteDomain, IEnumerable<string> nameServers, Func<string, string?> registrableDomainOf, Func<string, bool>? isKnownProvider)
    {
        var siteTld = siteDomain[(siteDomain.IndexOf('.', StringComparison.Ordinal) + 1)..];
        var candidates = nameServers
            .Select(HostName.Normalize)
            .Where(host => host.Length > 0 && isKnownProvider?.Invoke(host) != true)
            .Distinct(StringComparer.Ordinal)
            .Select(host => (Host: host, Domain: registrableDomainOf(host)))
            .Where(pair => pair.Domain is not null && !string.Equals(pair.Domain, siteDomain, StringComparison.OrdinalIgnoreCase))
            .GroupBy(pair => pair.Domain!.ToLowerInvariant(), StringComparer.Ordinal)
            .OrderBy(group => group.Key.EndsWith("." + siteTld, StringComparison.Ordinal) ? 0 : 1)
            .ThenByDescending(group => group.Count())
            .ThenBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => (Domain: group.Key, NameServers: group.Select(pair => pair.Host).Order(StringComparer.Ordinal).ToList()))
            .ToList();
        return ([.. candidates.Take(MaxDomains)], [.. candidates.Skip(MaxDomains).Select(c => c.Domain)]);
    }

    /// <summary>The gap of a domain not looked up because of the bound.</summary>
    public static Unobserved LeftOverGap(string domain) => Unobserved.Of(
        GapKeys.RdapNameServer,
        GapKind.Bounded,
        string.Create(CultureInfo.InvariantCulture, $"not looked up: at most {MaxDomains} nameserver domains per site"),
        domain);

    /// <summary>The observation of one domain's registration, with the lookup's gaps under <see cref="GapKeys.RdapNameServer"/>.</summary>
    public static Collected<NameServerDomainObservation> Of(string domain, List<string> nameServers, Collected<RegistrationObservation> lookup) => new()
    {
        Value = lookup.Value is { } registration
            ? new NameServerDomainObservation
            {
                Domain = domain,
                NameServers = nameServers,
                RdapService = registration.RdapService,
                RegistrarName = registration.RegistrarName,
                RegistrarIanaId = registration.RegistrarIanaId,
                Registrant = registration.Registrant,
                Provenance = registration.Provenance,
            }
            : null,
        Unobserved = [.. lookup.Unobserved.Select(gap => Unobserved.Of(GapKeys.RdapNameServer, gap.Kind, gap.Reason, domain))],
    };
}
