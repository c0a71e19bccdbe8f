using Chokepoint.Analysis.Model;
using Chokepoint.Model;

namespace Chokepoint.Analysis.FaultTree;

/// <summary>A company that can alone break one or more functions of the site (an order-1 cut set).</summary>
/// <param name="CompanyId">The company.</param>
/// <param name="CompanyName">Its display name.</param>
/// <param name="FunctionIds">Every function it alone can break, most important first.</param>
/// <param name="Severity">Highest importance among those functions.</param>
/// <param name="Suppliers">The company's suppliers in the functions it breaks (what it provides to the site).</param>
/// <param name="AvoidableFunctionIds">
/// The functions it breaks through something other than the registry or registrar role, which a domain can
/// only have one of. Empty means the chokepoint is inherent: it is reported but not counted in the grade.
/// </param>
/// <param name="Summary">One line, e.g. "cloudflare alone can break 3 functions: name-resolves, ...".</param>
public sealed record SinglePointOfFailure(
    string CompanyId,
    string CompanyName,
    IReadOnlyList<string> FunctionIds,
    Severity Severity,
    IReadOnlyList<Supplier> Suppliers,
    IReadOnlyList<string> AvoidableFunctionIds,
    string Summary)
{
    /// <summary>True when the company breaks functions only through the registry or registrar role.</summary>
    public bool IsInherent => AvoidableFunctionIds.Count == 0;
}
