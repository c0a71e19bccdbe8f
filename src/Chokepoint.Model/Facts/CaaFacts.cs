using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>
/// The site's CAA set: not observed (<see cref="Observed"/> false), none published (observed, no issuers: any CA
/// may issue), or the issuer domains of its "issue" records.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc8659">RFC 8659: CAA</seealso>
public sealed record CaaFacts
{
    /// <summary>A CAA set that could not be seen.</summary>
    public static CaaFacts NotObserved { get; } = new() { Observed = false };

    /// <summary>False when the CAA records could not be looked up: nothing is known about them.</summary>
    [JsonPropertyName("observed")]
    public bool Observed { get; init; }

    /// <summary>The issuer domains allowed by "issue" records, parameters stripped.</summary>
    [JsonPropertyName("issuers")]
    public IReadOnlyList<string> Issuers { get; init; } = [];

    /// <summary>True when the set was seen and names no issuer: any CA may issue.</summary>
    [JsonIgnore]
    public bool NonePublished => Observed && Issuers.Count == 0;
}
