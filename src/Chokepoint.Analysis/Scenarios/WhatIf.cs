using System.Globalization;
using Chokepoint.Analysis.Model;

namespace Chokepoint.Analysis.Scenarios;

/// <summary>
/// "What if these companies ended service?": evaluates every function with the companies' suppliers removed.
/// An <see cref="AllRequirement"/> fails when any part fails; an <see cref="AnyRequirement"/> fails when every
/// alternative fails and degrades when only some do; an <see cref="OptionalRequirement"/> never fails, it degrades.
/// A function that another one needs (the name resolving, inside the pages being served) is explained once, where
/// it is evaluated itself; the functions that need it refer to it by name.
/// </summary>
public static class WhatIf
{
    /// <summary>Evaluates the model with <paramref name="droppedCompanyIds"/> gone.</summary>
    public static WhatIfResult Evaluate(SiteModel model, IReadOnlySet<string> droppedCompanyIds)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(droppedCompanyIds);

        // The functions already explained, by their requirement (the same instance nests in later functions).
        var explained = new Dictionary<Requirement, string>(ReferenceEqualityComparer.Instance);
        var outcomes = new List<FunctionOutcome>();
        foreach (var function in model.Functions)
        {
            var (kind, path) = new Walker(droppedCompanyIds, explained).Walk(function.Requirement);
            outcomes.Add(new FunctionOutcome(function.Id, function.Name, function.Importance, kind, kind == OutcomeKind.Unaffected ? [] : path));
            explained.TryAdd(function.Requirement, function.Name);
        }

        var ids = droppedCompanyIds.Order(StringComparer.Ordinal).ToList();
        var companies = model.Companies();
        var services = model.Functions.SelectMany(f => f.Requirement.Suppliers()).ToLookup(s => s.CompanyId, StringComparer.Ordinal);
        return new WhatIfResult(model.Domain, ids, outcomes)
        {
            Dropped = [.. ids.Select(id => companies.TryGetValue(id, out var name)
                ? new DroppedCompany(id, name, SupplierStanding.InFunctions, [.. services[id].Select(s => s.Service).Distinct(StringComparer.Ordinal)])
                : new DroppedCompany(id, id, SupplierStanding.NotASupplier, []))],
        };
    }

    /// <summary>
    /// A short label of a subtree in plain words, e.g. "godaddy registrar and (either cloudflare dns or amazon dns)": parts joined by
    /// "and", alternatives by "or", a nested group in parentheses, never "all of (all of (...))".
    /// </summary>
    public static string Label(Requirement requirement) => Label(requirement, null);

    private static string Label(Requirement requirement, IReadOnlyDictionary<Requirement, string>? functions, bool nested = false)
    {
        if (functions is not null && functions.TryGetValue(requirement, out var name))
        {
            return $"\"{name}\"";
        }

        string Group(string text) => nested ? $"({text})" : text;
        switch (requirement)
        {
            case SupplierRequirement leaf:
                return leaf.Supplier.Describe();
            case AllRequirement all:
            {
                var parts = Flatten<AllRequirement>(all, functions).Select(c => Label(c, functions, nested: true)).ToList();
                return parts.Count == 1 ? parts[0] : Group(Join(parts, "and"));
            }

            case AnyRequirement any:
            {
                var parts = Flatten<AnyRequirement>(any, functions).Select(c => Label(c, functions, nested: true)).ToList();
                return parts.Count switch
                {
                    1 => parts[0],
                    2 => Group($"either {parts[0]} or {parts[1]}"),
                    _ => Group("any of " + Join(parts, "or")),
                };
            }

            case OptionalRequirement optional:
                return Group("optionally " + Label(optional.Child, functions, nested: true));
            default:
                return requirement.GetType().Name;
        }
    }

    /// <summary>The children of a gate, with the children of same-kind gates inside it lifted up (A and (B and C) is A, B and C).</summary>
    private static IEnumerable<Requirement> Flatten<TGate>(Requirement gate, IReadOnlyDictionary<Requirement, string>? functions)
        where TGate : Requirement
    {
        var children = gate switch
        {
            AllRequirement all => all.Children,
            AnyRequirement any => any.Children,
            _ => [gate],
        };
        foreach (var child in children)
        {
            if (child is TGate && (functions is null || !functions.ContainsKey(child)))
            {
                foreach (var inner in Flatten<TGate>(child, functions))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return child;
            }
        }
    }

    /// <summary>"A", "A and B", "A, B and C".</summary>
    private static string Join(List<string> parts, string conjunction) => parts.Count <= 1
        ? string.Concat(parts)
        : string.Join(", ", parts.Take(parts.Count - 1)) + $" {conjunction} " + parts[^1];

    private sealed class Walker(IReadOnlySet<string> dropped, IReadOnlyDictionary<Requirement, string> explained)
    {
        private string Label(Requirement requirement) => WhatIf.Label(requirement, explained);

        public (OutcomeKind Kind, List<string> Path) Walk(Requirement requirement)
        {
            var (kind, path) = WalkGate(requirement);
            // A function explained above: its outcome counts, its explanation is not repeated.
            return explained.TryGetValue(requirement, out var name) && kind != OutcomeKind.Unaffected
                ? (kind, [$"\"{name}\" {(kind == OutcomeKind.Fails ? "fails" : "degrades")} (explained above)"])
                : (kind, path);
        }

        private (OutcomeKind Kind, List<string> Path) WalkGate(Requirement requirement)
        {
            switch (requirement)
            {
                case SupplierRequirement leaf:
                    return dropped.Contains(leaf.Supplier.CompanyId)
                        ? (OutcomeKind.Fails, [$"{leaf.Supplier.Describe()} is gone ({leaf.Supplier.Name} dropped)"])
                        : (OutcomeKind.Unaffected, []);

                case AllRequirement all:
                {
                    var results = all.Children.Select(c => (Child: c, Result: Walk(c))).ToList();
                    var failed = results.FirstOrDefault(r => r.Result.Kind == OutcomeKind.Fails);
                    if (failed.Child is not null)
                    {
                        // A lost supplier is said in one line; a group that fails explains itself, so it is not named
                        // again around its own explanation (no "needs all of (all of (...)), which fails").
                        return failed.Child switch
                        {
                            _ when explained.ContainsKey(failed.Child) => (OutcomeKind.Fails, failed.Result.Path),
                            SupplierRequirement leaf => (OutcomeKind.Fails,
                                [$"needs {leaf.Supplier.Describe()}, which is gone ({leaf.Supplier.Name} dropped)"]),
                            _ => (OutcomeKind.Fails, failed.Result.Path),
                        };
                    }

                    var degraded = results.Where(r => r.Result.Kind == OutcomeKind.Degrades).ToList();
                    return degraded.Count > 0
                        ? (OutcomeKind.Degrades, degraded.SelectMany(r => r.Result.Path).ToList())
                        : (OutcomeKind.Unaffected, []);
                }

                case AnyRequirement any:
                {
                    var results = any.Children.Select(c => (Child: c, Result: Walk(c))).ToList();
                    var lost = results.Where(r => r.Result.Kind == OutcomeKind.Fails).ToList();
                    if (results.Count > 0 && lost.Count == results.Count)
                    {
                        return (OutcomeKind.Fails,
                            [string.Create(CultureInfo.InvariantCulture, $"all {results.Count} alternatives are lost: {Join([.. lost.Select(r => Label(r.Child))], "and")}"),
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
                    var (kind, path) = Walk(optional.Child);
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
}
