namespace Chokepoint.Analysis.Model;

/// <summary>
/// A part of the function that is not needed for it to work: losing it degrades the function (e.g. one of
/// several script hosts, an analytics tag). It never appears in a cut set.
/// </summary>
/// <param name="Child">The optional part.</param>
public sealed record OptionalRequirement(Requirement Child) : Requirement;
