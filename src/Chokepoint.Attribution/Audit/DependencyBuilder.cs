using Chokepoint.Model;

namespace Chokepoint.Attribution.Audit;

/// <summary>
/// Collects attributed signals of one layer and merges them into dependencies, one per company and service,
/// with every piece of evidence kept.
/// </summary>
public sealed class DependencyBuilder
{
    private readonly Dictionary<(string EntityId, string Service), Entry> _entries = [];
    private readonly List<(string EntityId, string Service)> _order = [];

    /// <summary>Adds a catalog attribution.</summary>
    public void Add(Attributed attributed, string classification, IReadOnlyDictionary<string, string>? details = null) =>
        Add(attributed.Entity, attributed.Owner, attributed.Service, attributed.ProviderName, classification, attributed.Evidence, details);

    /// <summary>Adds a dependency on an entity with one piece of evidence; repeated calls merge.</summary>
    public void Add(
        EntityRef entity,
        EntityRef owner,
        string service,
        string? provider,
        string classification,
        Evidence evidence,
        IReadOnlyDictionary<string, string>? details = null)
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

        if (details is not null)
        {
            foreach (var (name, value) in details)
            {
                entry.Details[name] = value;
            }
        }
    }

    /// <summary>
    /// The dependencies, with <see cref="Dependency.Redundant"/> set per service: redundant when more than one
    /// independent owner (ultimate parent) provides that service.
    /// </summary>
    public List<Dependency> Build(Func<string, bool>? redundancyApplies = null)
    {
        var ownersPerService = _entries.Values
            .GroupBy(entry => entry.Service, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(entry => entry.Owner.Id).Distinct(StringComparer.Ordinal).Count(), StringComparer.Ordinal);
        return _order.Select(key => _entries[key]).Select(entry => new Dependency
        {
            Entity = entry.Entity,
            Owner = entry.Owner.Id == entry.Entity.Id ? null : entry.Owner,
            Service = entry.Service,
            Provider = entry.Provider,
            Classification = entry.Classification,
            Redundant = (redundancyApplies?.Invoke(entry.Service) ?? true) && ownersPerService[entry.Service] > 1,
            Details = entry.Details,
            Evidence = entry.Evidence,
        }).ToList();
    }

    /// <summary>Known beats unknown: private or third-party evidence wins over unknown.</summary>
    private static string Stronger(string current, string candidate) =>
        current == Classification.Unknown ? candidate : current;

    private sealed class Entry(EntityRef entity, EntityRef owner, string service, string? provider, string classification)
    {
        public EntityRef Entity { get; } = entity;

        public EntityRef Owner { get; } = owner;

        public string Service { get; } = service;

        public string? Provider { get; } = provider;

        public string Classification { get; set; } = classification;

        public Dictionary<string, string> Details { get; } = [];

        public List<Evidence> Evidence { get; } = [];
    }
}
