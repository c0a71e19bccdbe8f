using Chokepoint.Analysis.Model;

namespace Chokepoint.Analysis.FaultTree;

/// <summary>Evaluates whether a requirement still holds when some suppliers are gone (the top event of the fault tree).</summary>
public static class FaultTreeEvaluator
{
    /// <summary>True when the requirement cannot be met with the suppliers for which <paramref name="isCut"/> holds removed.</summary>
    public static bool Fails(Requirement requirement, Func<Supplier, bool> isCut) => requirement switch
    {
        SupplierRequirement leaf => isCut(leaf.Supplier),
        AllRequirement all => all.Children.Any(c => Fails(c, isCut)),
        AnyRequirement any => any.Children.Count > 0 && any.Children.All(c => Fails(c, isCut)),
        OptionalRequirement => false,
        _ => throw new ArgumentException($"Unknown requirement type {requirement.GetType().Name}.", nameof(requirement)),
    };

    /// <summary>True when cutting the given companies (all their leaves) makes the requirement fail.</summary>
    public static bool FailsWithout(Requirement requirement, IReadOnlyCollection<string> companyIds) =>
        Fails(requirement, s => companyIds.Contains(s.CompanyId));
}
