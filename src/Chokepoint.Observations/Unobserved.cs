using System.Text.Json.Serialization;

namespace Chokepoint.Observations;

/// <summary>Something a collector tried to observe and could not, with the reason (e.g. "timed out after 5 s").</summary>
/// <param name="What">What was not observed, as a dotted key such as "dns.ns.child" or "rdap".</param>
/// <param name="Reason">Why, in words a user can act on.</param>
public sealed record Unobserved(
    [property: JsonPropertyName("what")] string What,
    [property: JsonPropertyName("reason")] string Reason)
{
    /// <summary>Which kind of failure it was; <see cref="GapKind.NotClassified"/> in files that predate kinds.</summary>
    [JsonPropertyName("kind")]
    public GapKind Kind { get; init; } = GapKind.NotClassified;
}
