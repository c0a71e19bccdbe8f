namespace Chokepoint.Analysis.FaultTree;

/// <summary>Overall exposure grade of a site, A (best) to F; see <see cref="GradeRule"/> for the rule.</summary>
public enum ExposureGrade
{
    /// <summary>No company alone breaks a critical or high function and no pair breaks a critical one.</summary>
    A,

    /// <summary>No company alone breaks a critical or high function; some pair breaks a critical one.</summary>
    B,

    /// <summary>No company alone breaks a critical function; one or more alone break a high one.</summary>
    C,

    /// <summary>Exactly one company can alone break critical functions.</summary>
    D,

    /// <summary>Two companies can each alone break critical functions.</summary>
    E,

    /// <summary>Three or more companies can each alone break critical functions.</summary>
    F,
}
