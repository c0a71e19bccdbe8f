using Chokepoint.Model;

namespace Chokepoint.Attribution.Audit;

/// <summary>
/// Collects attributed signals of one layer and merges them into dependencies, one per company and service,
/// with every piece of evidence and every fact kept. Mutable while collecting; what it builds is immutable.
/// </summary>
public sealed class DependencyBuilder
{
    private readonly Dictionary<(string EntityId, ServiceKind Service), Entry> _entries = [];
    private readonly List<(string EntityId, ServiceKind Service)> _order = [];

    /// <summary>Adds a catalog attribution.</summary>
    public void Add(Attributed attributed, Classification classification, DependencyFacts? facts = null) =>
        Add(attributed.Entity, attributed.Owner, attributed.Service, attributed.ProviderName, classification, attributed.Evidence, facts);

    /// <summary>Adds a dependency on an entity with one piece of evidence; repeated calls merge.</summary>
    public void Add(
        EntityRef entity,
        EntityRef owner,
        ServiceKind service,
        string? provider,
        Classification classification,
        Evidence evidence,
        DependencyFacts? facts = null)
    {
        var key = (entity.Id, service);
        if (!_entries.TryGetValue(key, out var entry))
        {
            entry = new Entry(entity, owner, service, provider, classification);
            _entries[key] = entry;
            _order.Add(key);
        }

        entry.Classification = Stronger(entry.Classification, classification);
        if (!entry.Evidence.Contains(evidence))
        {
            entry.Evidence.Add(evidence);
        }

        entry.Facts = DependencyFactsMerge.Merge(entry.Facts, facts);
    }

    /// <summary>
    /// The dependencies, with <see cref="Dependency.Redundant"/> set per service: redundant when more than one
    /// independent owner (ultimate parent) provides that service (ad networks and ad exchanges count as one service,
    /// the ad revenue path, as the analysis models it).
    /// </summary>
    public IReadOnlyList<Dependency> Build(Func<ServiceKind, bool>? redundancyApplies = null)
    {
        var ownersPerService = _entries.Values
            .GroupBy(entry => RedundancyGroup(entry.Service))
            .ToDictionary(group => group.Key, group => group.Select(entry => entry.Owner.Id).Distinct(StringComparer.Ordinal).Count());
        return [.. _order.Select(key => _entries[key]).Select(entry => new Dependency
        {
            Entity = entry.Entity,
            Owner = entry.Owner.Id == entry.Entity.Id ? null : entry.Owner,
            Service = entry.Service,
            Provider = entry.Provider,
            Classification = entry.Classification,
            Redundant = (redundancyApplies?.Invoke(entry.Service) ?? true) && ownersPerService[RedundancyGroup(entry.Service)] > 1,
            Facts = entry.Facts,
            Evidence = [.. entry.Evidence],
        })];
    }

    /// <summary>Services that stand in for one another: an ad network and an ad exchange both earn for the ad revenue path.</summary>
    private static ServiceKind RedundancyGroup(ServiceKind service) => service.RevenuePathOf() ?? service;

    /// <summary>Known beats unknown: private or third-party evidence wins over unknown.</summary>
    private static Classification Stronger(Classification current, Classification candidate) =>
        current == Classification.Unknown ? candidate : current;

    private sealed class Entry(EntityRef entity, EntityRef owner, ServiceKind service, string? provider, Classification classification)
    {
        public EntityRef Entity { get; } = entity;

        public EntityRef Owner { get; } = owner;

        public ServiceKind Service { get; } = service;

        public string? Provider { get; } = provider;

        public Classification Classification { get; set; } = classification;

        public DependencyFacts? Facts { get; set; }

        public List<Evidence> Evidence { get; } = [];
    }
}
