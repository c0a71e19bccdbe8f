using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>An owning company as the report names it: its catalog id, its name and the id of its parent company.</summary>
public sealed record EntityRef(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("parent")] string? Parent)
{
    /// <summary>The entity used when a dependency could not be attributed to any known company.</summary>
    public static EntityRef Unknown(string label) => new("unknown:" + label, label, null);

    /// <summary>True for <see cref="Unknown"/> entities.</summary>
    [JsonIgnore]
    public bool IsUnknown => Id.StartsWith("unknown:", StringComparison.Ordinal);
}
