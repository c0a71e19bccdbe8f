using Chokepoint.Naming;
using Chokepoint.Observations;

namespace Chokepoint.Attribution.Audit;

/// <summary>What every layer's attribution needs besides its own observations.</summary>
public sealed class AttributionContext
{
    public AttributionContext(SiteObservations observations, CatalogLookup lookup, PublicSuffixList suffixes)
    {
        Observations = observations;
        Lookup = lookup;
        Suffixes = suffixes;
        SiteRegistrableDomain = suffixes.GetRegistrableDomain(observations.Domain) ?? observations.Domain;
        CertificateDomains = observations.Tls
            .SelectMany(tls => tls.Chain.Take(1))
            .SelectMany(leaf => leaf.SubjectAlternativeNames)
            .Select(name => RegistrableDomainOf(name.TrimStart('*', '.')))
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private static readonly Catalog.SignalKind[] HostSignals =
        [Catalog.SignalKind.Cname, Catalog.SignalKind.ResourceDomain, Catalog.SignalKind.Ns, Catalog.SignalKind.Mx];

    public SiteObservations Observations { get; }

    public CatalogLookup Lookup { get; }

    public PublicSuffixList Suffixes { get; }

    /// <summary>The site's registrable domain (eTLD+1).</summary>
    public string SiteRegistrableDomain { get; }

    /// <summary>Registrable domains named in the site certificate's SANs (MEASUREMENT.md rule 2).</summary>
    public IReadOnlySet<string> CertificateDomains { get; }

    /// <summary>The registrable domain of a host, or null for a bare public suffix or an invalid name.</summary>
    public string? RegistrableDomainOf(string host)
    {
        var normalized = HostName.Normalize(host);
        return normalized.Length == 0 ? null : Suffixes.GetRegistrableDomain(normalized);
    }

    /// <summary>
    /// The domain that names a host's operator: for a host under a public suffix one company runs
    /// (<c>d1.cloudfront.net</c>, <c>app.herokuapp.com</c>) the operator's own domain (<c>cloudfront.net</c>,
    /// <c>herokuapp.com</c>), else its registrable domain, else the host itself.
    /// </summary>
    public string OperatorDomainOf(string host) =>
        OperatorSuffixes.OperatorDomainOf(Suffixes, host) ?? RegistrableDomainOf(host) ?? HostName.Normalize(host);

    /// <summary>
    /// The catalog provider that runs the one-company public suffix a host is under (<c>x.cloudfront.net</c> is
    /// Amazon's whatever the host serves), found through any host-name signal; null for other hosts.
    /// </summary>
    public Attributed? SuffixOperator(string host)
    {
        if (OperatorSuffixes.OperatorDomainOf(Suffixes, host) is null)
        {
            return null;
        }

        foreach (var kind in HostSignals)
        {
            if (Lookup.Find(kind, host) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>True when a host belongs to the site itself: same registrable domain, or named in its certificate.</summary>
    public bool IsSiteOwned(string host)
    {
        var registrable = RegistrableDomainOf(host);
        return registrable is not null
            && (string.Equals(registrable, SiteRegistrableDomain, StringComparison.OrdinalIgnoreCase)
                || CertificateDomains.Contains(registrable));
    }
}
