namespace Chokepoint.Planning.Plans;

/// <summary>Whether a step removes the single point of failure or only shortens recovery from it.</summary>
public enum StepKind
{
    /// <summary>After the step, the company alone can no longer break the functions listed.</summary>
    Removes,

    /// <summary>The dependency stays (a domain has one registry and one registrar); the step limits the damage.</summary>
    Mitigates,
}
