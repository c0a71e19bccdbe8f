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

    /// <summary>True when a host belongs to the site itself: same registrable domain, or named in its certificate.</summary>
    public bool IsSiteOwned(string host)
    {
        var registrable = RegistrableDomainOf(host);
        return registrable is not null
            && (string.Equals(registrable, SiteRegistrableDomain, StringComparison.OrdinalIgnoreCase)
                || CertificateDomains.Contains(registrable));
    }
}
