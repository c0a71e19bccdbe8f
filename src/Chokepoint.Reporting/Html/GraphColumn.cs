namespace Chokepoint.Reporting.Html;

/// <summary>The three columns of the dependency picture, left to right.</summary>
public enum GraphColumn
{
    /// <summary>What the site does: the name resolves, pages are served, a revenue path pays.</summary>
    Function,

    /// <summary>One service the site uses, e.g. "dns: Amazon Route 53".</summary>
    Service,

    /// <summary>An owning company (after rolling up parents).</summary>
    Company,
}
