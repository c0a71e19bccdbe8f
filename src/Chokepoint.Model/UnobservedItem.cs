using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>Something not observed, and why. The report shows it as "not observed: reason", never as absent.</summary>
/// <param name="What">The display key, e.g. "dns.caa" or "tls.www.example.com".</param>
/// <param name="Reason">Why, in words ("timed out after 5 s").</param>
public sealed record UnobservedItem(
    [property: JsonPropertyName("what")] string What,
    [property: JsonPropertyName("reason")] string Reason)
{
    /// <summary>
    /// The key of the hosting layer's item for a site seen only through its CDN's edge: the origin host behind it,
    /// and so the site's hosting company, cannot be seen from outside.
    /// </summary>
    public const string HiddenOrigin = "hosting.origin";

    /// <summary>
    /// Which kind of failure it was, in kebab case as in the observations format ("timeout", "budget-spent",
    /// "nx-domain", "not-classified", ...); absent for what the attribution itself could not tell (e.g. a hidden origin).
    /// </summary>
    [JsonPropertyName("kind")]
    public string? Kind { get; init; }

    /// <summary>The key family of a collector's gap (e.g. "tls", "dns.caa"); absent for what the attribution itself adds.</summary>
    [JsonPropertyName("subject")]
    public string? Subject { get; init; }

    /// <summary>The host, URL or zone concerned, when there is one.</summary>
    [JsonPropertyName("target")]
    public string? Target { get; init; }
}
