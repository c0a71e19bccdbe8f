namespace Chokepoint.Simulation.Dns.Wire;

/// <summary>One field of presentation-format record data, and whether it was written in double quotes.</summary>
internal readonly record struct PresentationToken(string Text, bool Quoted);
