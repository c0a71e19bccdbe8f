namespace Chokepoint.Planning.Plans;

/// <summary>Rough effort of a plan step; the number is the weight used in ranking (each level doubles).</summary>
public enum Effort
{
    /// <summary>A record or a setting: under an hour.</summary>
    Low = 1,

    /// <summary>A new account and its configuration: about a day.</summary>
    Medium = 2,

    /// <summary>A migration or a standby deployment: days.</summary>
    High = 4,
}
