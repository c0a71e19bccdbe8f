using System.Globalization;
using Chokepoint.Analysis.Model;

namespace Chokepoint.Analysis.Scenarios;

/// <summary>
/// "What if these companies ended service?": evaluates every function with the companies' suppliers removed.
/// An <see cref="AllRequirement"/> fails when any part fails; an <see cref="AnyRequirement"/> fails when every
/// alternative fails and degrades when only some do; an <see cref="OptionalRequirement"/> never fails, it degrades.
/// </summary>
public static class WhatIf
{
    /// <summary>Evaluates the model with <paramref name="droppedCompanyIds"/> gone.</summary>
    public static WhatIfResult Evaluate(SiteModel model, IReadOnlySet<string> droppedCompanyIds)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(droppedCompanyIds);

        var outcomes = model.Functions.Select(f =>
        {
            var (kind, path) = Walk(f.Requirement, droppedCompanyIds);
            return new FunctionOutcome(f.Id, f.Name, f.Importance, kind, kind == OutcomeKind.Unaffected ? [] : path);
        }).ToList();

        return new WhatIfResult(model.Domain, droppedCompanyIds.Order(StringComparer.Ordinal).ToList(), outcomes);
    }

    /// <summary>A short label of a subtree, e.g. "any of (cloudflare dns, amazon dns)".</summary>
    public static string Label(Requirement requirement) => requirement switch
    {
        SupplierRequirement leaf => leaf.Supplier.Describe(),
        AllRequirement all => $"all of ({string.Join(", ", all.Children.Select(Label))})",
        AnyRequirement any => $"any of ({string.Join(", ", any.Children.Select(Label))})",
        OptionalRequirement optional => $"optional ({Label(optional.Child)})",
        _ => requirement.GetType().Name,
    };

    private static (OutcomeKind Kind, List<string> Path) Walk(Requirement requirement, IReadOnlySet<string> dropped)
    {
        switch (requirement)
        {
            case SupplierRequirement leaf:
                return dropped.Contains(leaf.Supplier.CompanyId)
                    ? (OutcomeKind.Fails, [$"{leaf.Supplier.Describe()} is gone ({leaf.Supplier.CompanyId} dropped)"])
                    : (OutcomeKind.Unaffected, []);

            case AllRequirement all:
            {
                var results = all.Children.Select(c => (Child: c, Result: Walk(c, dropped))).ToList();
                var failed = results.FirstOrDefault(r => r.Result.Kind == OutcomeKind.Fails);
                if (failed.Child is not null)
                {
                    return (OutcomeKind.Fails, [$"needs {Label(failed.Child)}, which fails", .. failed.Result.Path]);
                }

                var degraded = results.Where(r => r.Result.Kind == OutcomeKind.Degrades).ToList();
                return degraded.Count > 0
                    ? (OutcomeKind.Degrades, degraded.SelectMany(r => r.Result.Path).ToList())
                    : (OutcomeKind.Unaffected, []);
            }

            case AnyRequirement any:
            {
                var results = any.Children.Select(c => (Child: c, Result: Walk(c, dropped))).ToList();
                var lost = results.Where(r => r.Result.Kind == OutcomeKind.Fails).ToList();
                if (results.Count > 0 && lost.Count == results.Count)
                {
                    return (OutcomeKind.Fails,
                        [string.Create(CultureInfo.InvariantCulture, $"all {results.Count} alternatives are lost: {string.Join("; ", lost.Select(r => Label(r.Child)))}"),
                         .. lost.SelectMany(r => r.Result.Path)]);
                }

                var degraded = results.Where(r => r.Result.Kind == OutcomeKind.Degrades).ToList();
                if (lost.Count == 0 && degraded.Count == 0)
                {
                    return (OutcomeKind.Unaffected, []);
                }

                var path = new List<string>();
                if (lost.Count > 0)
                {
                    var remaining = results.Where(r => r.Result.Kind != OutcomeKind.Fails).Select(r => Label(r.Child));
                    path.Add(string.Create(CultureInfo.InvariantCulture, $"lost {lost.Count} of {results.Count} alternatives ({string.Join("; ", lost.Select(r => Label(r.Child)))}); still served by {string.Join("; ", remaining)}"));
                    path.AddRange(lost.SelectMany(r => r.Result.Path));
                }

                path.AddRange(degraded.SelectMany(r => r.Result.Path));
                return (OutcomeKind.Degrades, path);
            }

            case OptionalRequirement optional:
            {
                var (kind, path) = Walk(optional.Child, dropped);
                return kind switch
                {
                    OutcomeKind.Fails => (OutcomeKind.Degrades, [$"optional part lost: {Label(optional.Child)}", .. path]),
                    OutcomeKind.Degrades => (OutcomeKind.Degrades, path),
                    _ => (OutcomeKind.Unaffected, []),
                };
            }

            default:
                throw new ArgumentException($"Unknown requirement type {requirement.GetType().Name}.", nameof(requirement));
        }
    }
}
