using Chokepoint.Model;

namespace Chokepoint.Analysis.History;

/// <summary>How often a company has ended service at a layer, with the cases.</summary>
/// <param name="CompanyId">The company.</param>
/// <param name="Layer">The layer, or null for every layer.</param>
/// <param name="Count">Number of cases.</param>
/// <param name="Cases">The cases, oldest first.</param>
/// <param name="Text">E.g. "cloudflare ended service to customers 3 times at the cdn layer (2017-08-16: Daily Stormer; ...)".</param>
public sealed record TerminationSummary(string CompanyId, Layer? Layer, int Count, IReadOnlyList<TerminationCase> Cases, string Text);
