using Chokepoint.Model;

namespace Chokepoint.Analysis.FaultTree;

/// <summary>Two companies that together can break functions that neither breaks alone (an order-2 cut set).</summary>
/// <param name="Companies">The pair.</param>
/// <param name="FunctionIds">The functions the pair breaks, most important first.</param>
/// <param name="Severity">Highest importance among those functions.</param>
public sealed record CompanyPair(CutSet Companies, IReadOnlyList<string> FunctionIds, Severity Severity);
