using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>
/// Whether a dependency is run by the site itself or by someone else (MEASUREMENT.md, Kashaf et al.).
/// JSON: "private", "third-party", "unknown".
/// </summary>
[JsonConverter(typeof(VocabularyConverter<Classification>))]
public enum Classification
{
    /// <summary>Not enough evidence either way.</summary>
    Unknown,

    /// <summary>Run by the site (or, for what a provider relies on, by that provider).</summary>
    Private,

    /// <summary>Run by another company.</summary>
    ThirdParty,
}
