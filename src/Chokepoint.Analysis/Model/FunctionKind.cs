namespace Chokepoint.Analysis.Model;

/// <summary>The family a site function belongs to.</summary>
public enum FunctionKind
{
    /// <summary>The name resolves and the web site is served.</summary>
    Reachability,

    /// <summary>Browsers trust the site's certificate.</summary>
    Trust,

    /// <summary>Mail to and from the domain.</summary>
    Mail,

    /// <summary>A way the site earns money.</summary>
    Revenue,

    /// <summary>What the page shows and runs: embedded media, scripts.</summary>
    Content,
}
