using System.Text.Json.Serialization;

namespace Chokepoint.Analysis.Model;

/// <summary>
/// A gate of the fault tree, written as what a function needs to work: <see cref="All"/> (an AND of needs),
/// <see cref="Any"/> (an OR: alternatives, one is enough), <see cref="Needs"/> (a leaf: one supplier) and
/// <see cref="Optional"/> (a part whose loss degrades the function but does not stop it).
/// Indirect dependencies nest: a CDN that relies on its own DNS provider is
/// <c>All(Needs(cdn), Needs(cdn's dns))</c>.
/// In JSON a requirement carries a "kind" discriminator: "all", "any", "needs" or "optional".
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(AllRequirement), "all")]
[JsonDerivedType(typeof(AnyRequirement), "any")]
[JsonDerivedType(typeof(SupplierRequirement), "needs")]
[JsonDerivedType(typeof(OptionalRequirement), "optional")]
public abstract record Requirement
{
    private protected Requirement()
    {
    }

    /// <summary>Every child is needed (AND gate).</summary>
    public static Requirement All(params Requirement[] children) => new AllRequirement(children);

    /// <summary>One child is enough (OR gate); the others are alternatives.</summary>
    public static Requirement Any(params Requirement[] children) => new AnyRequirement(children);

    /// <summary>A leaf: the function needs this supplier.</summary>
    public static Requirement Needs(Supplier supplier) => new SupplierRequirement(supplier);

    /// <summary>A part whose loss degrades the function without stopping it.</summary>
    public static Requirement Optional(Requirement child) => new OptionalRequirement(child);

    /// <summary>Every supplier leaf in this subtree, in tree order.</summary>
    public IEnumerable<Supplier> Suppliers()
    {
        switch (this)
        {
            case SupplierRequirement leaf:
                yield return leaf.Supplier;
                break;
            case AllRequirement all:
                foreach (var s in all.Children.SelectMany(c => c.Suppliers()))
                {
                    yield return s;
                }

                break;
            case AnyRequirement any:
                foreach (var s in any.Children.SelectMany(c => c.Suppliers()))
                {
                    yield return s;
                }

                break;
            case OptionalRequirement optional:
                foreach (var s in optional.Child.Suppliers())
                {
                    yield return s;
                }

                break;
            default:
                break;
        }
    }
}
