namespace Chokepoint.Planning.Caa;

/// <summary>How serious a CAA finding is.</summary>
public enum CaaProblemSeverity
{
    /// <summary>The record breaks RFC 8659 syntax.</summary>
    Error,

    /// <summary>Valid, but probably not what was meant.</summary>
    Warning,
}
