using System.Text.Json.Serialization;

namespace Chokepoint.Observations;

/// <summary>Where and when a fact was seen.</summary>
/// <param name="Source">The server or data set that answered, e.g. "dns udp 127.0.0.1:5353", "rdap https://rdap.verisign.com/com/v1/".</param>
/// <param name="At">When the answer arrived.</param>
public sealed record Provenance(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("at")] DateTimeOffset At);
