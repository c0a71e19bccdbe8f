using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>Something not observed, and why. The report shows it as "not observed: reason", never as absent.</summary>
public sealed record UnobservedItem(
    [property: JsonPropertyName("what")] string What,
    [property: JsonPropertyName("reason")] string Reason);
