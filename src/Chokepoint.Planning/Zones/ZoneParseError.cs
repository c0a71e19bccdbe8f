namespace Chokepoint.Planning.Zones;

/// <summary>A line of a master file that could not be read.</summary>
/// <param name="Line">1-based line number where the entry starts.</param>
/// <param name="Message">What was wrong.</param>
public sealed record ZoneParseError(int Line, string Message);
