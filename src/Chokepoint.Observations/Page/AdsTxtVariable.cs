using System.Text.Json.Serialization;

namespace Chokepoint.Observations.Page;

/// <summary>
/// One variable line of ads.txt, such as <c>OWNERDOMAIN=example.com</c> or <c>contact=ads@example.com</c>
/// (IAB Tech Lab ads.txt 1.1, section 3.5).
/// </summary>
/// <seealso href="https://iabtechlab.com/wp-content/uploads/2022/04/Ads.txt-1.1.pdf"/>
public sealed record AdsTxtVariable
{
    /// <summary>The variable name, uppercased (CONTACT, SUBDOMAIN, INVENTORYPARTNERDOMAIN, OWNERDOMAIN, MANAGERDOMAIN, ...).</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>The value as written, trimmed.</summary>
    [JsonPropertyName("value")]
    public required string Value { get; init; }

    /// <summary>"ads.txt" or "app-ads.txt".</summary>
    [JsonPropertyName("file")]
    public string File { get; init; } = "ads.txt";
}
