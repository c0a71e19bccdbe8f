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

    /// <summary>
    /// True when every site has this chokepoint by construction: the company breaks the functions only as the TLD
    /// registry (a name has exactly one) or the registrar (changed only by a transfer). Gates leave it out by default.
    /// </summary>
    [JsonPropertyName("inherent")]
    public bool Inherent { get; init; }

    /// <summary>Why the chokepoint is inherent, e.g. "every .com name has one registry"; null when it is not.</summary>
    [JsonPropertyName("inherentReason")]
    public string? InherentReason { get; init; }

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
