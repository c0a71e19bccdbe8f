using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>One ads.txt line naming an ad system: the site's account there and how it sells.</summary>
/// <param name="AccountId">The publisher's account id at the ad system.</param>
/// <param name="Relationship">Whether the site sells directly or through a reseller.</param>
public sealed record AdsSeller(
    [property: JsonPropertyName("accountId")] string AccountId,
    [property: JsonPropertyName("relationship")] SellerRelationship Relationship);
