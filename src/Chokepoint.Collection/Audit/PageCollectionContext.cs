using Chokepoint.Collection.Dns;
using Chokepoint.Observations.Hosting;
using Chokepoint.Observations.Network;

namespace Chokepoint.Collection.Audit;

/// <summary>
/// What a page collector plugged into <see cref="CollectionOptions.PageCollector"/> gets: where to start, the
/// profile-aware HTTP client (own DNS, profile ports and trust; redirects not followed automatically), and the
/// hosts already resolved.
/// </summary>
public sealed record PageCollectionContext
{
    /// <summary>The audited domain, normalised.</summary>
    public required string Domain { get; init; }

    /// <summary>The landing page to start from (https://domain/, or https://www.domain/ when the apex has no address).</summary>
    public required Uri StartUrl { get; init; }

    /// <summary>The network profile in use.</summary>
    public required NetworkProfile Profile { get; init; }

    /// <summary>HTTP client over <see cref="Transport.WebTransport"/>; does not follow redirects by itself.</summary>
    public required HttpClient Http { get; init; }

    /// <summary>The DNS lookup of this collection (shares answers already received).</summary>
    public required DnsLookup Dns { get; init; }

    /// <summary>The clock.</summary>
    public required TimeProvider Time { get; init; }

    /// <summary>The apex and www hosts as resolved.</summary>
    public IReadOnlyList<HostObservation> Hosts { get; init; } = [];
}
