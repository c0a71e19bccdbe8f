using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>The ads.txt relationship field (JSON: "direct", "reseller").</summary>
[JsonConverter(typeof(VocabularyConverter<SellerRelationship>))]
public enum SellerRelationship
{
    /// <summary>The publisher's own account (ads.txt DIRECT).</summary>
    Direct,

    /// <summary>An account of someone who resells the publisher's inventory (ads.txt RESELLER).</summary>
    Reseller,
}
