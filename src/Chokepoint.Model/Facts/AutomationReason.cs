using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>The evidence behind <see cref="IssuanceAutomation"/> (JSON: "short-validity", "long-validity").</summary>
[JsonConverter(typeof(VocabularyConverter<AutomationReason>))]
public enum AutomationReason
{
    /// <summary>Validity of 100 days or less: renewed too often to be done by hand.</summary>
    ShortValidity,

    /// <summary>Validity over 100 days.</summary>
    LongValidity,
}
