namespace Chokepoint.Simulation.Generation;

/// <summary>The known truth about one layer over every generated site.</summary>
/// <param name="Sites">Sites whose layer an outside-in audit observes (every site: the world holds no faults).</param>
/// <param name="UsingThirdParty">Sites using at least one third party at the layer.</param>
/// <param name="Critical">Sites depending on at least one third party with no redundant alternative.</param>
/// <param name="OriginHidden">
/// Hosting only: sites behind a CDN, whose origin an outside-in audit cannot see (the world gives them none); they
/// count as neither using nor critically depending on a hosting company.
/// </param>
/// <param name="Companies">Per owning company id: its uses and critical counts.</param>
public sealed record ExpectedLayer(int Sites, int UsingThirdParty, int Critical, int OriginHidden, IReadOnlyDictionary<string, ExpectedCompany> Companies);
