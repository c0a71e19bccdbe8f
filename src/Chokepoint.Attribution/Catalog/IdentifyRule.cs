using System.Text.Json.Serialization;

namespace Chokepoint.Attribution.Catalog;

/// <summary>The catalog rule that identified a value.</summary>
/// <param name="Kind">The rule's signal kind word, e.g. <c>ns</c> or <c>registrar-iana</c>.</param>
/// <param name="Pattern">The rule's pattern as written in the data file.</param>
public sealed record IdentifyRule(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("pattern")] string Pattern);
