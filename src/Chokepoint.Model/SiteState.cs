using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>
/// A banner: a state of the site that changes how the rest of the report reads, e.g. "example.com is on hold
/// (clientHold, set by the registrar GoDaddy): it does not resolve now". Shown first in every view.
/// </summary>
public sealed record SiteState
{
    [JsonPropertyName("kind")]
    public required SiteStateKind Kind { get; init; }

    /// <summary>The banner in words, one line.</summary>
    [JsonPropertyName("text")]
    public required string Text { get; init; }

    /// <summary>Who put the site in this state, when known (the registrar for a client hold, the registry for a server hold).</summary>
    [JsonPropertyName("by")]
    public string? By { get; init; }

    /// <summary>Whom to contact about it, as RDAP gives it (the registrar's abuse address); null when not published.</summary>
    [JsonPropertyName("contact")]
    public string? Contact { get; init; }
}
