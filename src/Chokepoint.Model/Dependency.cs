using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>One service the site depends on, rolled up to the company that owns it.</summary>
public sealed record Dependency
{
    /// <summary>The owning company (its parent company is named in <see cref="EntityRef.Parent"/>).</summary>
    [JsonPropertyName("entity")]
    public required EntityRef Entity { get; init; }

    /// <summary>The ultimate owner after rolling up parents (e.g. Google LLC -> Alphabet Inc.).</summary>
    [JsonPropertyName("owner")]
    public EntityRef? Owner { get; init; }

    /// <summary>The service kind, e.g. "dns", "cdn", "registrar", "ca", "mail", "ads", "donations".</summary>
    [JsonPropertyName("service")]
    public required ServiceKind Service { get; init; }

    /// <summary>The provider's product name, e.g. "Amazon Route 53".</summary>
    [JsonPropertyName("provider")]
    public string? Provider { get; init; }

    /// <summary>private, third-party or unknown.</summary>
    [JsonPropertyName("classification")]
    public Classification Classification { get; init; } = Classification.Unknown;

    /// <summary>True when another, independent company provides the same function for this site.</summary>
    [JsonPropertyName("redundant")]
    public bool Redundant { get; init; }

    /// <summary>The observed facts that matter for risk and recovery; null when there are none.</summary>
    [JsonPropertyName("facts")]
    public DependencyFacts? Facts { get; init; }

    [JsonPropertyName("evidence")]
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];

    /// <summary>
    /// What this provider itself relies on to serve the site, seen from outside: the DNS of the zone its CNAME
    /// target lives in, the network and DNS behind a CA's OCSP responder. Entries of one service for one zone
    /// (<c>facts.upstream.zone</c>) are alternatives; everything else is needed together.
    /// </summary>
    [JsonPropertyName("dependsOn")]
    public IReadOnlyList<Dependency> DependsOn { get; init; } = [];
}
