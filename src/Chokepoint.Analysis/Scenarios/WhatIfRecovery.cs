using Chokepoint.Analysis.Recovery;

namespace Chokepoint.Analysis.Scenarios;

/// <summary>
/// One replacement, described once for every failing function it is part of: one role of one dropped company (its
/// DNS, its CDN), or everything it supplies behind one provider, with the steps and assumptions.
/// </summary>
/// <param name="Id">"r1", "r2", ...: how a function's time to recover names its replacements.</param>
/// <param name="CompanyId">The dropped company to replace.</param>
/// <param name="Role">What is replaced, e.g. "dns", "cdn", "dns behind fastly cdn".</param>
/// <param name="FunctionIds">The failing functions this replacement is part of restoring, in model order.</param>
/// <param name="Time">The range, steps and assumptions of this replacement.</param>
public sealed record WhatIfRecovery(string Id, string CompanyId, string Role, IReadOnlyList<string> FunctionIds, TimeToRecover Time);
