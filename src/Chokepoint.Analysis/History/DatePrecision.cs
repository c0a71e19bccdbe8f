namespace Chokepoint.Analysis.History;

/// <summary>How precise a reported date is.</summary>
public enum DatePrecision
{
    /// <summary>The day is known (possibly off by one for time zones).</summary>
    Day,

    /// <summary>Only the month is known; the date is the first of the month.</summary>
    Month,
}
