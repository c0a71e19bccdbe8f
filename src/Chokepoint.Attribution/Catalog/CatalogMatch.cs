namespace Chokepoint.Attribution.Catalog;

/// <summary>The catalog rule that attributed a signal value, with the provider, its company and that company's ultimate owner.</summary>
/// <param name="Provider">The matched provider.</param>
/// <param name="Company">The company that runs the provider.</param>
/// <param name="UltimateParent">The top of the company's ownership chain (the company itself when independent).</param>
/// <param name="Signal">The rule that matched.</param>
public sealed record CatalogMatch(Provider Provider, Company Company, Company UltimateParent, Signal Signal)
{
    /// <summary>The public source the catalog cites for the matched rule.</summary>
    public string Source => Signal.Source;
}
