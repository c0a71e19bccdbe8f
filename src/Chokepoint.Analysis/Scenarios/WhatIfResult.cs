namespace Chokepoint.Analysis.Scenarios;

/// <summary>The result of dropping a set of companies.</summary>
/// <param name="Domain">The site's domain.</param>
/// <param name="DroppedCompanyIds">The companies that stopped serving the site, sorted.</param>
/// <param name="Functions">One outcome per function, in model order.</param>
public sealed record WhatIfResult(string Domain, IReadOnlyList<string> DroppedCompanyIds, IReadOnlyList<FunctionOutcome> Functions)
{
    /// <summary>Each dropped company with where it stands with the site, in <see cref="DroppedCompanyIds"/> order.</summary>
    public IReadOnlyList<DroppedCompany> Dropped { get; init; } = [];

    /// <summary>True when no dropped company supplies anything a function needs: nothing fails or degrades.</summary>
    public bool NothingChanges => Functions.All(f => f.Outcome == OutcomeKind.Unaffected)
        && Dropped.Count > 0 && Dropped.All(d => d.Standing != SupplierStanding.InFunctions);

    /// <summary>The outcome of one function, or null if the model has no such function.</summary>
    public FunctionOutcome? For(string functionId) =>
        Functions.FirstOrDefault(f => string.Equals(f.FunctionId, functionId, StringComparison.Ordinal));
}
