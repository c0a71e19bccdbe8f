namespace Chokepoint.Planning.Plans;

/// <summary>
/// A DNS operator in the site's delegation whose every nameserver is lame or unreachable: it does not serve the zone,
/// so the plan counts it as missing (<see cref="Chokepoint.Model.ZoneServing"/>).
/// </summary>
/// <param name="CompanyId">Ultimate owning company.</param>
/// <param name="Name">Display name (the product, e.g. "Amazon Route 53").</param>
/// <param name="NameServers">Its nameservers in the delegation.</param>
public sealed record NotServingOperator(string CompanyId, string Name, IReadOnlyList<string> NameServers);
