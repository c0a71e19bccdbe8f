using Chokepoint.Model;

namespace Chokepoint.Attribution.Audit;

/// <summary>A signal attributed to a provider and its owning company by the catalog.</summary>
/// <param name="Entity">The company that runs the service.</param>
/// <param name="Owner">The ultimate parent company (the roll-up).</param>
/// <param name="ProviderId">The catalog provider id, e.g. "amazon-route53".</param>
/// <param name="ProviderName">The product name, e.g. "Amazon Route 53".</param>
/// <param name="Service">The provider's service kind, e.g. "dns".</param>
/// <param name="Evidence">The signal, the rule that matched and its source.</param>
public sealed record Attributed(
    EntityRef Entity,
    EntityRef Owner,
    string ProviderId,
    string ProviderName,
    ServiceKind Service,
    Evidence Evidence);
