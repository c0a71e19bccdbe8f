using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>A company that can alone break one or more of the site's functions.</summary>
public sealed record ChokepointReport
{
    [JsonPropertyName("entity")]
    public required EntityRef Entity { get; init; }

    /// <summary>Ids of the functions this company alone can break.</summary>
    [JsonPropertyName("functions")]
    public IReadOnlyList<string> Functions { get; init; } = [];

    /// <summary>critical, high, medium or low.</summary>
    [JsonPropertyName("severity")]
    public required Severity Severity { get; init; }

    [JsonPropertyName("services")]
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary>
    /// How the site depends on this company only through another provider, e.g. "dns (DNSimple, zone myshopify.com)
    /// behind Shopify Inc. ecommerce (Shopify)". Empty when every service is used by the site directly.
    /// </summary>
    [JsonPropertyName("indirect")]
    public IReadOnlyList<string> Indirect { get; init; } = [];

    [JsonPropertyName("timeToRecover")]
    public TimeToRecoverReport? TimeToRecover { get; init; }

    /// <summary>"has ended service to customers N times at this layer", with the cases.</summary>
    [JsonPropertyName("history")]
    public IReadOnlyList<string> History { get; init; } = [];
}
