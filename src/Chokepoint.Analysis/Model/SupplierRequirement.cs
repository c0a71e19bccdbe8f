namespace Chokepoint.Analysis.Model;

/// <summary>Leaf: the function needs this supplier.</summary>
/// <param name="Supplier">The supplier.</param>
public sealed record SupplierRequirement(Supplier Supplier) : Requirement;
