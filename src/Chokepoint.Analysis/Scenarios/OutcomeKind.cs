namespace Chokepoint.Analysis.Scenarios;

/// <summary>What happens to a function when some companies stop serving the site.</summary>
public enum OutcomeKind
{
    /// <summary>Nothing the function uses is lost.</summary>
    Unaffected,

    /// <summary>It still works, but an alternative or an optional part is lost.</summary>
    Degrades,

    /// <summary>It stops working.</summary>
    Fails,
}
