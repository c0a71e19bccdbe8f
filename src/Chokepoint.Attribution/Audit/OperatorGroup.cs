using Chokepoint.Model;

namespace Chokepoint.Attribution.Audit;

/// <summary>
/// Unknown operator domains shown to be one operator (same brand label, SOA, address or network), and the rules
/// that grouped them. A group of one is an operator nothing tied to another.
/// </summary>
/// <param name="Members">The operator domains, in the order they were first seen.</param>
/// <param name="Reasons">Each rule that joined members, with the value they shared and the members that shared it.</param>
public sealed record OperatorGroup(IReadOnlyList<string> Members, IReadOnlyList<(OperatorTrait Trait, IReadOnlyList<string> Members)> Reasons)
{
    /// <summary>The one unknown company the members stand for; a single member keeps its plain name.</summary>
    public EntityRef Entity => EntityRef.Unknown(Label);

    /// <summary>"brand.net" alone, "brand.net + brand.co.uk" for a group.</summary>
    public string Label => string.Join(" + ", Members);

    /// <summary>
    /// The grouping as evidence: signal <c>same-operator</c>, the members that share a value, and the rule with the
    /// value (<c>brand-label=brand</c>).
    /// </summary>
    public IEnumerable<Evidence> Evidence =>
        Reasons.Select(reason => new Evidence(OperatorGroups.EvidenceSignal, string.Join(", ", reason.Members), $"{reason.Trait.Rule}={reason.Trait.Value}"));
}
