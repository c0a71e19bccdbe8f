namespace Chokepoint.Planning.Plans;

/// <summary>Something a step hands over ready to use: a zone file, records, notes or candidates.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Title">A short title.</param>
/// <param name="Content">The text (master-file text for records, lines for notes and candidates).</param>
/// <param name="Candidates">The candidates behind the content, if any.</param>
public sealed record PlanArtifact(ArtifactKind Kind, string Title, string Content, IReadOnlyList<ProviderCandidate> Candidates);
