using Chokepoint.Model;
using Chokepoint.Observations;

namespace Chokepoint.Engine;

/// <summary>One audit's result: what was observed, and the report built from it.</summary>
/// <param name="Observations">The observations, as saved with <c>--save-observations</c>.</param>
/// <param name="Report">The analysed report.</param>
public sealed record AuditOutcome(SiteObservations Observations, AuditReport Report);
