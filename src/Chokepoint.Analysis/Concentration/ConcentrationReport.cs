using Chokepoint.Model;

namespace Chokepoint.Analysis.Concentration;

/// <summary>
/// What many sites have in common: which companies how many of them depend on, per layer and per function.
/// Every share is over the sites whose part was observed; sites with a part not observed are counted apart
/// (<c>Incomplete</c>) and never folded into a share as "no dependency". Company keys are owning-company ids
/// (<c>owner ?? entity</c>), as in <see cref="FunctionReport.SinglePoints"/>.
/// </summary>
/// <param name="Sites">Distinct sites added, failed ones included.</param>
/// <param name="Duplicates">Records for a domain already added, ignored.</param>
/// <param name="Complete">Sites whose report is complete (<see cref="AuditReport.Complete"/>).</param>
/// <param name="Failed">Sites with no report at all (collection failed); they count as incomplete everywhere.</param>
/// <param name="Headlines">Sites critically dependent on at least one third party, over a set of layers.</param>
/// <param name="Layers">Per-layer counts, in <see cref="Layer"/> order.</param>
/// <param name="Functions">Per-function counts, in order of first appearance.</param>
/// <param name="Companies">Per-company counts, most sites broken first, then by id.</param>
/// <param name="Names">Display name of each company id.</param>
public sealed record ConcentrationReport(
    int Sites,
    int Duplicates,
    int Complete,
    int Failed,
    IReadOnlyList<HeadlineMeasure> Headlines,
    IReadOnlyList<LayerConcentration> Layers,
    IReadOnlyList<FunctionConcentration> Functions,
    IReadOnlyList<CompanyConcentration> Companies,
    IReadOnlyDictionary<string, string> Names);

/// <summary>
/// Sites critically dependent on a third party in at least one of <paramref name="Layers"/> (a non-redundant
/// third-party dependency there). A site critical in an observed layer is <c>Dependent</c> even when another layer
/// was not observed; a site not critical in any observed layer is <c>NotDependent</c> only when every one of the
/// layers was observed, and <c>Undetermined</c> otherwise.
/// </summary>
/// <param name="Id">"dns-cdn-ca" (the layers of Kashaf et al., IMC 2020, comparable with their 89%) or
/// "any-layer" (every layer but registration, where every name has exactly one registry by construction).</param>
/// <param name="Name">A label such as "DNS, CDN or CA".</param>
/// <param name="Layers">The layers the measure looks at.</param>
/// <param name="Dependent">Sites critically dependent.</param>
/// <param name="NotDependent">Sites observed in every layer and critical in none.</param>
/// <param name="Undetermined">Sites not critical in any observed layer with at least one layer not observed.</param>
public sealed record HeadlineMeasure(
    string Id,
    string Name,
    IReadOnlyList<Layer> Layers,
    int Dependent,
    int NotDependent,
    int Undetermined)
{
    /// <summary>Dependent over the sites the measure could decide (dependent + not dependent); 0 when none.</summary>
    public double Share => Dependent + NotDependent == 0 ? 0 : Dependent / ((double)Dependent + NotDependent);
}

/// <summary>Per-layer counts of a concentration summary: only sites whose layer coverage is observed.</summary>
/// <param name="Layer">The layer.</param>
/// <param name="Observed">Sites whose layer was observed.</param>
/// <param name="Incomplete">Sites whose layer was partly or not observed, or that have no report; in the hosting layer
/// also sites seen only through their CDN's edge (<see cref="UnobservedItem.HiddenOrigin"/>).</param>
/// <param name="UsingThirdParty">Observed sites using at least one third party in the layer.</param>
/// <param name="Critical">Observed sites with at least one non-redundant third-party dependency in the layer.</param>
/// <param name="Uses">Sites using each owning company (by id) in the layer.</param>
/// <param name="CriticalOn">Sites with a non-redundant dependency on each owning company (by id) in the layer.</param>
public sealed record LayerConcentration(
    Layer Layer,
    int Observed,
    int Incomplete,
    int UsingThirdParty,
    int Critical,
    IReadOnlyDictionary<string, int> Uses,
    IReadOnlyDictionary<string, int> CriticalOn)
{
    /// <summary>Herfindahl-Hirschman index over companies' shares of uses, shares normalised to sum 1.</summary>
    public double Hhi => ConcentrationIndex.Hhi(Uses);

    /// <summary>The three largest companies' summed shares of uses (the concentration ratio CR3), 0 to 1.</summary>
    public double Top3Share => ConcentrationIndex.TopShare(Uses, 3);
}

/// <summary>
/// Per-function counts: a site is critical on a company for a function when the company is one of the function's
/// <see cref="FunctionReport.SinglePoints"/>. Only sites whose function was observed are counted in the shares.
/// </summary>
/// <param name="Id">The function id, e.g. "name-resolves" or "revenue:ads".</param>
/// <param name="Name">The function's name, e.g. "The name resolves".</param>
/// <param name="Observed">Sites whose function was observed.</param>
/// <param name="Incomplete">Sites with the function partly or not observed (sites without it are not counted).</param>
/// <param name="Critical">Observed sites with at least one third-party single point, the site's own organisation
/// (a <c>self:</c> id) not counted.</param>
/// <param name="CriticalOn">Observed sites on which each company is a single point of the function.</param>
public sealed record FunctionConcentration(
    string Id,
    string Name,
    int Observed,
    int Incomplete,
    int Critical,
    IReadOnlyDictionary<string, int> CriticalOn)
{
    /// <summary>Herfindahl-Hirschman index over companies' shares of single-point counts.</summary>
    public double Hhi => ConcentrationIndex.Hhi(CriticalOn);

    /// <summary>The three largest companies' summed shares of single-point counts (CR3), 0 to 1.</summary>
    public double Top3Share => ConcentrationIndex.TopShare(CriticalOn, 3);
}

/// <summary>One company across all sites.</summary>
/// <param name="Id">The owning company id.</param>
/// <param name="Name">Its display name.</param>
/// <param name="Uses">Sites that use it directly in at least one observed layer.</param>
/// <param name="Breaks">Sites it alone can break in at least one function (it is one of the site's chokepoints).</param>
/// <param name="BreaksInherent">Of those, sites where it is a chokepoint only as a TLD registry or registrar.</param>
/// <param name="BreaksIndirectOnly">Of those, sites that do not use it directly in any layer: it is reached only
/// through another provider (a CA's OCSP host on its CDN, a CDN's zone on its DNS). This is the amplification
/// of Kashaf et al.: a company the site never chose.</param>
/// <param name="Functions">Sites it alone can break, per function id.</param>
/// <param name="Layers">Layers in which any site uses it directly, in <see cref="Layer"/> order.</param>
/// <param name="History">Its termination history as reports state it, distinct lines in order of first appearance.</param>
public sealed record CompanyConcentration(
    string Id,
    string Name,
    int Uses,
    int Breaks,
    int BreaksInherent,
    int BreaksIndirectOnly,
    IReadOnlyDictionary<string, int> Functions,
    IReadOnlyList<Layer> Layers,
    IReadOnlyList<string> History)
{
    /// <summary>Sites it can break over sites that use it directly (Kashaf's amplification); null when no direct use.</summary>
    public double? Amplification => Uses == 0 ? null : (double)Breaks / Uses;
}

/// <summary>Concentration indices over counts per company.</summary>
public static class ConcentrationIndex
{
    /// <summary>The Herfindahl-Hirschman index: the sum of squared shares, shares normalised to sum 1; 0 for no counts.</summary>
    /// <param name="counts">Count per company.</param>
    /// <returns>0 to 1; above 0.25 is "highly concentrated".</returns>
    public static double Hhi(IReadOnlyDictionary<string, int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        double total = counts.Values.Sum(v => (long)v);
        return total == 0 ? 0 : counts.Values.Sum(v => (v / total) * (v / total));
    }

    /// <summary>The summed shares of the <paramref name="n"/> largest counts; 0 for no counts.</summary>
    /// <param name="counts">Count per company.</param>
    /// <param name="n">How many of the largest to sum.</param>
    /// <returns>0 to 1.</returns>
    public static double TopShare(IReadOnlyDictionary<string, int> counts, int n)
    {
        ArgumentNullException.ThrowIfNull(counts);
        double total = counts.Values.Sum(v => (long)v);
        return total == 0 ? 0 : counts.Values.OrderByDescending(v => v).Take(n).Sum(v => (long)v) / total;
    }
}
