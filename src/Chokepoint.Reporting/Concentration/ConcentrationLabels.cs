using System.Globalization;
using Chokepoint.Analysis.Concentration;
using Chokepoint.Model;
using Chokepoint.Reporting.Markdown;

namespace Chokepoint.Reporting.Concentration;

/// <summary>One company's count in a layer or a function, with its display name, ranked for the views.</summary>
/// <param name="Id">The owning-company id.</param>
/// <param name="Name">Its display name, the id itself when the report does not name it.</param>
/// <param name="Count">Its count.</param>
internal sealed record RankedCount(string Id, string Name, int Count);

/// <summary>
/// The words and numbers the concentration views share: percentages over a stated denominator ("—" when there is
/// none, never NaN), companies ranked by count then id, the headline sentence and the definitions of every count.
/// </summary>
internal static class ConcentrationLabels
{
    /// <summary>How many companies a list shows before "and N more".</summary>
    public const int ListLimit = 10;

    /// <summary>What a share with no denominator (a layer not observed on any site) shows.</summary>
    public const string NoShare = "—";

    /// <summary>HHI above this is "highly concentrated" (the report's definition).</summary>
    public const double HighlyConcentrated = 0.25;

    /// <summary>Where the definitions are written in full.</summary>
    public const string DocsPointer = "docs/concentration-format.md";

    /// <summary>A count with thousands separators: "1,234,567".</summary>
    public static string Count(long count) => count.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>A share of 0 to 1 as a percentage with at most one decimal: 0.375 is "37.5%".</summary>
    public static string Percent(double share) =>
        double.IsFinite(share) ? (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : NoShare;

    /// <summary><paramref name="part"/> over <paramref name="whole"/> as a percentage; "—" when the whole is 0.</summary>
    public static string Percent(long part, long whole) => Share(part, whole) is { } share ? Percent(share) : NoShare;

    /// <summary><paramref name="part"/> over <paramref name="whole"/>; null when the whole is 0 (no NaN, no infinity).</summary>
    public static double? Share(long part, long whole) => whole <= 0 ? null : (double)part / whole;

    /// <summary>"3 of 8 (37.5%)", or "3 of 0 (—)" when nothing was observed.</summary>
    public static string OfTotal(long part, long whole) => $"{Count(part)} of {Count(whole)} ({Percent(part, whole)})";

    /// <summary>An index of 0 to 1 with four decimals: "0.3125".</summary>
    public static string Index(double value) =>
        double.IsFinite(value) ? value.ToString("0.0000", CultureInfo.InvariantCulture) : NoShare;

    /// <summary>The HHI with its reading: "0.3125 (highly concentrated)" above 0.25.</summary>
    public static string Hhi(double hhi) => Index(hhi) + (hhi > HighlyConcentrated ? " (highly concentrated)" : string.Empty);

    /// <summary>An amplification factor: "1.25×", or "—" with no direct use.</summary>
    public static string Amplification(double? factor) =>
        factor is { } value && double.IsFinite(value) ? value.ToString("0.##", CultureInfo.InvariantCulture) + "×" : NoShare;

    /// <summary>The display name of a company id: its name in the report, the id itself when it has none.</summary>
    public static string NameOf(ConcentrationReport report, string id) =>
        report.Names.TryGetValue(id, out var name) && !string.IsNullOrWhiteSpace(name) ? name : id;

    /// <summary>A company's display name: its own, else the report's, else its id.</summary>
    public static string NameOf(ConcentrationReport report, CompanyConcentration company) =>
        string.IsNullOrWhiteSpace(company.Name) ? NameOf(report, company.Id) : company.Name;

    /// <summary>The name of a function id: the report's function name, else the id.</summary>
    public static string FunctionName(ConcentrationReport report, string id) =>
        report.Functions.FirstOrDefault(function => function.Id == id) is { Name: { Length: > 0 } name } ? name : id;

    /// <summary>Counts per company, largest first, then by id (ordinal), named.</summary>
    public static IReadOnlyList<RankedCount> Ranked(ConcentrationReport report, IReadOnlyDictionary<string, int> counts) =>
        [.. counts
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => new RankedCount(pair.Key, NameOf(report, pair.Key), pair.Value))];

    /// <summary>The companies, most sites broken first, then by id (the summary's order, kept whatever order it came in).</summary>
    public static IReadOnlyList<CompanyConcentration> Companies(ConcentrationReport report) =>
        [.. report.Companies
            .OrderByDescending(company => company.Breaks)
            .ThenBy(company => company.Id, StringComparer.Ordinal)];

    /// <summary>The sum of the counts, in 64 bits.</summary>
    public static long Total(IReadOnlyDictionary<string, int> counts) => counts.Values.Sum(value => (long)value);

    /// <summary>The HHI of the counts (the report's <see cref="ConcentrationIndex.Hhi"/>, summed in 64 bits).</summary>
    public static double Hhi(IReadOnlyDictionary<string, int> counts) => ConcentrationIndex.Hhi(counts);

    /// <summary>The CR3 of the counts (the report's <see cref="ConcentrationIndex.TopShare"/>, summed in 64 bits).</summary>
    public static double Top3(IReadOnlyDictionary<string, int> counts) => ConcentrationIndex.TopShare(counts, 3);

    /// <summary>The heading of a layer: "DNS", "TLS certificates".</summary>
    public static string LayerTitle(Layer layer) => ReportLabels.LayerTitle(layer);

    /// <summary>Layers as words a sentence can hold: "DNS, CDN or TLS certificates".</summary>
    public static string LayerList(IReadOnlyList<Layer> layers) => layers.Count switch
    {
        0 => "no layer",
        1 => LayerTitle(layers[0]),
        _ => string.Join(", ", layers.Take(layers.Count - 1).Select(LayerTitle)) + " or " + LayerTitle(layers[^1]),
    };

    /// <summary>Dependent plus not dependent: the sites the measure could decide.</summary>
    public static long Decided(HeadlineMeasure headline) => (long)headline.Dependent + headline.NotDependent;

    /// <summary>
    /// "5 of 7 decided sites (71.4%) critically depend on at least one third party in DNS, CDN or TLS certificates;
    /// 1 undetermined (a layer not observed)".
    /// </summary>
    public static string Headline(HeadlineMeasure headline)
    {
        var decided = Decided(headline);
        return $"{Count(headline.Dependent)} of {Count(decided)} decided sites ({Percent(headline.Dependent, decided)}) critically depend on at least one third party in "
            + $"{LayerList(headline.Layers)}; {Count(headline.Undetermined)} undetermined (a layer not observed)";
    }

    /// <summary>"Sites 8 · complete 6 · failed 1 · duplicates ignored 0".</summary>
    public static string Totals(ConcentrationReport report) =>
        $"{Count(report.Sites)} sites · {Count(report.Complete)} complete · {Count(report.Failed)} failed (no report) · {Count(report.Duplicates)} duplicate record{(report.Duplicates == 1 ? "" : "s")} ignored";

    /// <summary>"observed on 8 sites; 2 incomplete (counted apart, ...)", or "not observed on any site; ...".</summary>
    public static string Observed(int observed, int incomplete) =>
        (observed == 0 ? "not observed on any site" : $"observed on {Count(observed)} site{(observed == 1 ? "" : "s")}")
        + $"; {Count(incomplete)} incomplete (counted apart, never as \"no dependency\")";

    /// <summary>The caption under a layer's companies: what the shares are over.</summary>
    public static string LayerCaption(LayerConcentration layer) => layer.Observed == 0
        ? $"No share: {LayerTitle(layer.Layer)} was not observed on any site."
        : $"Shares are of the {Count(layer.Observed)} site{(layer.Observed == 1 ? "" : "s")} whose {LayerTitle(layer.Layer)} layer was observed; a site can use several companies, so they can add up to more than 100%.";

    /// <summary>The caption under a function's companies.</summary>
    public static string FunctionCaption(FunctionConcentration function) => function.Observed == 0
        ? "No share: the function was not observed on any site."
        : $"Shares are of the {Count(function.Observed)} site{(function.Observed == 1 ? "" : "s")} whose function was observed.";

    /// <summary>"and 4 more (12.5% of uses)" for the companies past the limit, or null when none are left out.</summary>
    public static string? More(IReadOnlyList<RankedCount> ranked, string of, int limit = ListLimit)
    {
        if (ranked.Count <= limit)
        {
            return null;
        }

        var rest = ranked.Skip(limit).Sum(item => (long)item.Count);
        var total = ranked.Sum(item => (long)item.Count);
        return $"and {Count(ranked.Count - limit)} more ({Percent(rest, total)} of {of})";
    }

    /// <summary>"CR3 75% of uses · HHI 0.3125 (highly concentrated)".</summary>
    public static string Indices(double top3, double hhi, string of) =>
        $"top-3 share (CR3) {Percent(top3)} of {of} · HHI {Hhi(hhi)}";

    /// <summary>The definitions of the views, as term and plain-words meaning, in reading order.</summary>
    public static IReadOnlyList<(string Term, string Meaning)> Definitions { get; } =
    [
        ("Site", "a distinct domain audited; sites whose collection failed (no report) are counted, and count as incomplete everywhere; a second record for a domain already counted is ignored as a duplicate."),
        ("Observed / incomplete", "a site's layer (or function) is observed when it was seen in full; otherwise it is incomplete. Incomplete sites are counted apart and are never counted as \"no dependency\"."),
        ("Company", "the owning company (the owner of the provider, or the provider itself)."),
        ("Uses", "observed sites that use the company directly in the layer."),
        ("Critical", "observed sites with at least one non-redundant third-party dependency in the layer; \"critical\" on a company: sites with a non-redundant dependency on it."),
        ("Share", "a count over the sites whose layer (or function) was observed. A site can use several companies, so the shares of a layer can add up to more than 100%."),
        ("CR3", "the three largest companies' summed share of all uses counted in the layer (of single points, for a function), 0 to 100%."),
        ("HHI", "the Herfindahl-Hirschman index: the sum of the squared shares of uses (shares normalised to sum 1), 0 to 1; above 0.25 is highly concentrated."),
        ("Headline", "a site is dependent when it is critical in at least one observed layer of the set; not dependent when every layer of the set was observed and it is critical in none; undetermined otherwise. The percentage is over the decided sites (dependent plus not dependent)."),
        ("Function critical", "observed sites where the function has at least one third-party single point of failure; the site's own organisation is not counted."),
        ("Breaks", "sites the company alone can break in at least one function: it is one of the site's chokepoints."),
        ("Inherent", "of those, sites where it is a chokepoint only as the TLD registry or the registrar, which every name has."),
        ("Indirect only", "of those, sites that do not use it directly in any layer: it is reached only through another provider (a CA's OCSP host on its CDN, a CDN's zone on its DNS), a company the site never chose."),
        ("Amplification", "sites it can break over sites that use it directly; none when no site uses it directly."),
    ];
}
