namespace Chokepoint.Planning.Plans;

/// <summary>A provider the caller proposes as an alternative (filled from the provider catalog).</summary>
/// <param name="CompanyId">Ultimate owning company; candidates of the company being replaced are dropped.</param>
/// <param name="Name">Display name.</param>
/// <param name="Value">What the artifact needs: a CA's issuer domain, a backup MX host, a nameserver, a URL.</param>
/// <param name="Note">Anything the reader should know.</param>
/// <param name="Hosts">Host names the artifact lists, where one value is not enough: a secondary's nameservers.</param>
/// <param name="Source">The public page that states <paramref name="Value"/> or <paramref name="Hosts"/>.</param>
public sealed record ProviderCandidate(
    string CompanyId, string Name, string? Value = null, string? Note = null, IReadOnlyList<string>? Hosts = null, string? Source = null);
