namespace Chokepoint.Attribution.Catalog;

/// <summary>
/// Whom a plan may propose a provider to, when not every site: a parking service serves parked names, not a site's
/// zone, so it is never proposed; a registry's own DNS service is offered only to names under its TLDs.
/// </summary>
/// <param name="Never">Why the provider is never proposed (e.g. "a parking service"), or null.</param>
/// <param name="Tlds">The TLDs whose names it is offered to (lowercase, no dot); empty for every TLD.</param>
/// <param name="Source">The public page that states it.</param>
public sealed record ProviderProposal(string? Never, IReadOnlyList<string> Tlds, string Source)
{
    /// <summary>True when the provider may be proposed to <paramref name="domain"/>.</summary>
    public bool Allows(string domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        if (Never is not null)
        {
            return false;
        }

        var tld = domain.TrimEnd('.');
        tld = tld[(tld.LastIndexOf('.') + 1)..];
        return Tlds.Count == 0 || Tlds.Contains(tld, StringComparer.OrdinalIgnoreCase);
    }
}
