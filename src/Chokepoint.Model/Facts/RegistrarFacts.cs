using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>What RDAP says about the domain at its registrar.</summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc8056">RFC 8056: EPP and RDAP status mapping</seealso>
public sealed record RegistrarFacts
{
    /// <summary>EPP / RDAP status codes as published, e.g. "client transfer prohibited".</summary>
    [JsonPropertyName("statusCodes")]
    public IReadOnlyList<string> StatusCodes { get; init; } = [];

    /// <summary>True when a transfer away is blocked (client or server transfer prohibited); null when no status was published.</summary>
    [JsonPropertyName("transferLocked")]
    public bool? TransferLocked { get; init; }

    /// <summary>True when the domain is on hold (client or server hold): not delegated, so it does not resolve.</summary>
    [JsonPropertyName("onHold")]
    public bool OnHold { get; init; }

    [JsonPropertyName("expires")]
    public DateTimeOffset? Expires { get; init; }

    /// <summary>The last change of the registration (a transfer away is blocked for 60 days after some changes).</summary>
    /// <summary>The registrar's abuse contact as RDAP gives it; null when not published.</summary>
    [JsonPropertyName("abuseEmail")]
    public string? AbuseEmail { get; init; }

    [JsonPropertyName("lastChanged")]
    public DateTimeOffset? LastChanged { get; init; }
}
