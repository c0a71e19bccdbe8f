namespace Chokepoint.Reporting.Html;

/// <summary>One box of the dependency picture, placed by <see cref="DependencyGraph.Build"/>.</summary>
/// <param name="Id">Unique within the graph: "function:web-served", "service:dns|amazon|Amazon Route 53", "company:amazon".</param>
/// <param name="Column">Which column it sits in.</param>
/// <param name="Title">First line of the box.</param>
/// <param name="Subtitle">Second line of the box (importance, service kind and layer, or "single point of failure").</param>
/// <param name="SinglePointOfFailure">True for a company that alone can break a function (one of the report's chokepoints).</param>
/// <param name="X">Left edge, in SVG user units.</param>
/// <param name="Y">Top edge, in SVG user units.</param>
/// <param name="TitleLines">The title wrapped to the box's width, every word kept.</param>
/// <param name="SubtitleLines">The subtitle wrapped to the box's width, every word kept.</param>
public sealed record GraphNode(
    string Id, GraphColumn Column, string Title, string Subtitle, bool SinglePointOfFailure, int X, int Y,
    IReadOnlyList<string> TitleLines, IReadOnlyList<string> SubtitleLines)
{
    /// <summary>Height of the box: room for every line of its title and subtitle.</summary>
    public int Height => DependencyGraph.BoxHeight(TitleLines.Count, SubtitleLines.Count);

    /// <inheritdoc />
    public bool Equals(GraphNode? other) =>
        other is not null && Id == other.Id && Column == other.Column && Title == other.Title && Subtitle == other.Subtitle
        && SinglePointOfFailure == other.SinglePointOfFailure && X == other.X && Y == other.Y
        && TitleLines.SequenceEqual(other.TitleLines) && SubtitleLines.SequenceEqual(other.SubtitleLines);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, X, Y);
}
