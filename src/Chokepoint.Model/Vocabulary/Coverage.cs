using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>How much of a layer or a function could be seen from the outside (docs/analysis.md, "Coverage").</summary>
[JsonConverter(typeof(VocabularyConverter<Coverage>))]
public enum Coverage
{
    /// <summary>Every probe behind it answered (an answer of "does not exist" is an answer).</summary>
    Observed,

    /// <summary>Some of its suppliers were seen, and some probe behind it failed: more suppliers may exist.</summary>
    PartlyObserved,

    /// <summary>Its suppliers could not be seen at all; it is not graded.</summary>
    NotObserved,
}
