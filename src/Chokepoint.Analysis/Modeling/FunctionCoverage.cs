using Chokepoint.Model;

namespace Chokepoint.Analysis.Modeling;

/// <summary>
/// Which of the site's functions each gap of a report can hide suppliers of, and so how much of each function and
/// layer was seen (docs/analysis.md, "Coverage"). A gap is a probe that failed (timed out, refused, cut by the budget,
/// malformed...); an answer "does not exist" is not a gap but an observed fact (<see cref="LayerReport.Absent"/>).
/// </summary>
public static class FunctionCoverage
{
    /// <summary>The pseudo-function of a site whose pages were not seen: its revenue paths are unknown.</summary>
    public const string Revenue = "revenue";

    /// <summary>What the outside view can never see; named in the report, but not a lost probe.</summary>
    private static readonly HashSet<string> BeyondView = new(StringComparer.Ordinal) { "hosting.origin", "dns.dnssec" };

    /// <summary>
    /// Gaps about what a supplier that was seen relies on in turn (the CDN of a third-party host the pages load from,
    /// "page.probe"): named in the report, but they hide no supplier of the site's own functions.
    /// </summary>
    private static readonly HashSet<string> SuppliersOfSuppliers = new(StringComparer.Ordinal) { "page.probe" };

    /// <summary>Gap key prefixes (most specific first) and the functions whose suppliers such a gap can hide.</summary>
    private static readonly (string Prefix, string[] Functions)[] Rules =
    [
        ("rdap", [SiteModelBuilder.NameResolves]),
        // CAA names the CAs allowed to issue: a gap there can hide an alternative CA, never a supplier, so it leaves
        // the TLS layer partly observed but cannot make the grade better than the truth.
        ("dns.caa", []),
        ("dns.txt", [SiteModelBuilder.MailSent]),
        ("dns", [SiteModelBuilder.NameResolves]),
        ("host.ocsp", [SiteModelBuilder.CertificateStatus]),
        ("host", [SiteModelBuilder.WebServed]),
        ("http", [SiteModelBuilder.WebServed]),
        ("asn", [SiteModelBuilder.WebServed]),
        ("upstream.zone.cname", [SiteModelBuilder.WebServed]),
        ("upstream.zone.mx", [SiteModelBuilder.MailReceived]),
        ("upstream.zone.ocsp", [SiteModelBuilder.CertificateStatus]),
        ("tls", [SiteModelBuilder.HttpsTrusted]),
        ("mail.spf", [SiteModelBuilder.MailSent]),
        ("mail.dmarc", [SiteModelBuilder.MailSent]),
        ("mail", [SiteModelBuilder.MailReceived]),
        ("ads.txt", ["revenue:ads"]),
        ("page", [Revenue, SiteModelBuilder.EmbeddedMedia, SiteModelBuilder.PageScripts]),
    ];

    /// <summary>A function's requirement includes another's: its coverage is at most that one's.</summary>
    private static readonly Dictionary<string, string> BuiltOn = new(StringComparer.Ordinal)
    {
        [SiteModelBuilder.WebServed] = SiteModelBuilder.NameResolves,
        [SiteModelBuilder.HttpsTrusted] = SiteModelBuilder.WebServed,
        [SiteModelBuilder.MailReceived] = SiteModelBuilder.NameResolves,
    };

    /// <summary>The functions every site is expected to have unless the observations show it does not.</summary>
    private static readonly (string Id, string Name, Importance Importance)[] Expected =
    [
        (SiteModelBuilder.NameResolves, "The name resolves", Importance.Critical),
        (SiteModelBuilder.WebServed, "Web pages are served", Importance.Critical),
        (SiteModelBuilder.HttpsTrusted, "HTTPS is trusted", Importance.Critical),
        (SiteModelBuilder.MailReceived, "Mail is received", Importance.High),
        (SiteModelBuilder.MailSent, "Mail is sent through a provider", Importance.Medium),
        (Revenue, "Revenue paths (ads, affiliates, payments, donations, memberships, shop)", Importance.High),
    ];

    /// <summary>True when the item is a failed probe (it can hide suppliers), false for what is beyond the outside view.</summary>
    public static bool IsLostProbe(UnobservedItem item) =>
        !BeyondView.Contains(item.Subject ?? item.What) && !SuppliersOfSuppliers.Contains(item.Subject ?? item.What);

    /// <summary>The functions a gap can hide suppliers of (none for a key no rule knows).</summary>
    public static IReadOnlyList<string> FunctionsOf(UnobservedItem item)
    {
        var key = item.Subject ?? item.What;
        foreach (var (prefix, functions) in Rules)
        {
            if (key == prefix || key.StartsWith(prefix + ".", StringComparison.Ordinal))
            {
                return functions;
            }
        }

        return [];
    }

    /// <summary>
    /// Every function's coverage: the modelled ones (<paramref name="modelled"/>, id to name and importance), plus
    /// each expected function that is missing from the model only because a probe behind it failed (not observed).
    /// </summary>
    public static IReadOnlyList<CoveredFunction> Of(AuditReport report, IReadOnlyList<(string Id, string Name, Importance Importance)> modelled)
    {
        var gapsByFunction = new Dictionary<string, List<UnobservedItem>>(StringComparer.Ordinal);
        foreach (var item in report.Layers.SelectMany(layer => layer.Unobserved).Where(IsLostProbe).Distinct())
        {
            foreach (var function in FunctionsOf(item))
            {
                var id = function == "revenue:ads" && !modelled.Any(m => m.Id == function) ? Revenue : function;
                if (!gapsByFunction.TryGetValue(id, out var list))
                {
                    gapsByFunction[id] = list = [];
                }

                list.Add(item);
            }
        }

        // A gap on the pages hides suppliers of every revenue path found, not only of the missing ones.
        if (gapsByFunction.TryGetValue(Revenue, out var pageGaps))
        {
            foreach (var revenue in modelled.Where(m => m.Id.StartsWith("revenue:", StringComparison.Ordinal)))
            {
                if (!gapsByFunction.TryGetValue(revenue.Id, out var list))
                {
                    gapsByFunction[revenue.Id] = list = [];
                }

                list.AddRange(pageGaps);
            }
        }

        var result = new List<CoveredFunction>();
        foreach (var (id, name, importance) in modelled)
        {
            result.Add(new CoveredFunction(id, name, importance, Own(id).Count > 0 ? Coverage.PartlyObserved : Coverage.Observed, Own(id), Modelled: true));
        }

        foreach (var (id, name, importance) in Expected)
        {
            var revenueFound = id == Revenue && modelled.Any(m => m.Id.StartsWith("revenue:", StringComparison.Ordinal));
            if (modelled.Any(m => m.Id == id) || revenueFound || Own(id).Count == 0)
            {
                continue;
            }

            result.Add(new CoveredFunction(id, name, importance, Coverage.NotObserved, Own(id), Modelled: false));
        }

        // Coverage is inherited along the requirements: HTTPS needs the web site, which needs the name.
        var byId = result.ToDictionary(f => f.Id, StringComparer.Ordinal);
        return result.Select(function => Inherit(function, byId)).ToList();

        List<UnobservedItem> Own(string id) => gapsByFunction.GetValueOrDefault(id) ?? [];
    }

    private static CoveredFunction Inherit(CoveredFunction function, IReadOnlyDictionary<string, CoveredFunction> byId)
    {
        var id = function.Id.StartsWith("revenue:", StringComparison.Ordinal) ? SiteModelBuilder.WebServed : BuiltOn.GetValueOrDefault(function.Id);
        if (id is null || !byId.TryGetValue(id, out var basis))
        {
            return function;
        }

        basis = Inherit(basis, byId);
        if (basis.Coverage == Coverage.Observed || function.Coverage == Coverage.NotObserved)
        {
            return function;
        }

        return function with { Coverage = Coverage.PartlyObserved, Gaps = [.. function.Gaps, .. basis.Gaps.Except(function.Gaps)] };
    }

    /// <summary>
    /// A layer's coverage: not observed when no dependency was found and a probe failed, partly observed when
    /// dependencies were found and a probe failed, else observed.
    /// </summary>
    public static Coverage OfLayer(LayerReport layer)
    {
        var lost = layer.Unobserved.Any(IsLostProbe);
        return !lost ? Coverage.Observed : layer.Dependencies.Count == 0 ? Coverage.NotObserved : Coverage.PartlyObserved;
    }

    /// <summary>The word the grade explanation uses for what a function stands on ("DNS", "the web hosting").</summary>
    public static string Subject(string functionId) => functionId switch
    {
        SiteModelBuilder.NameResolves => "DNS",
        SiteModelBuilder.WebServed => "the web hosting",
        SiteModelBuilder.HttpsTrusted => "HTTPS",
        SiteModelBuilder.CertificateStatus => "the certificate status service",
        SiteModelBuilder.MailReceived => "mail",
        SiteModelBuilder.MailSent => "mail sending",
        Revenue => "the pages (and so the revenue paths)",
        _ when functionId.StartsWith("revenue:", StringComparison.Ordinal) => $"the {functionId["revenue:".Length..]} revenue path",
        _ => functionId,
    };
}

/// <summary>One function with its coverage and the gaps behind it.</summary>
public sealed record CoveredFunction(string Id, string Name, Importance Importance, Coverage Coverage, IReadOnlyList<UnobservedItem> Gaps, bool Modelled);
