using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>
/// Severity of a chokepoint: the highest <see cref="Importance"/> among the functions it can break.
/// Ordered from most to least severe.
/// </summary>
[JsonConverter(typeof(VocabularyConverter<Severity>))]
public enum Severity
{
    /// <summary>Breaks at least one critical function.</summary>
    Critical,

    /// <summary>Breaks at least one high-importance function, no critical one.</summary>
    High,

    /// <summary>Breaks medium-importance functions at most.</summary>
    Medium,

    /// <summary>Breaks only low-importance functions.</summary>
    Low,
}
