using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Chokepoint.Attribution.Catalog;
using Chokepoint.Reporting.Json;

namespace Chokepoint.Reporting.Identify;

/// <summary>The views of one identified signal: terminal text and JSON (null entity means unknown).</summary>
public static class IdentifyRenderer
{
    private static readonly JsonSerializerOptions WithNulls = new(ReportJson.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    /// <summary>The company, owner, service, rule and source, or "unknown" with the reason.</summary>
    public static string Table(IdentifyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        if (result.Entity is not { } entity)
        {
            return text.Append(result.Kind).Append(' ').Append(result.Value).Append(": unknown (").Append(result.UnknownReason).AppendLine(")").ToString();
        }

        text.Append(result.Kind).Append(' ').AppendLine(result.Value);
        text.Append("  company:  ").Append(entity.Name).Append(" (").Append(entity.Id).AppendLine(")");
        if (result.Owner is { } owner && owner.Id != entity.Id)
        {
            text.Append("  owner:    ").Append(owner.Name).Append(" (").Append(owner.Id).AppendLine(")");
        }

        text.Append("  service:  ").Append(result.Service).Append(": ").AppendLine(result.Provider);
        text.Append("  rule:     ").Append(result.Rule?.Kind).Append(' ').AppendLine(result.Rule?.Pattern);
        text.Append("  source:   ").AppendLine(result.Source);
        return text.ToString();
    }

    /// <summary>The result as JSON, nulls written (a null <c>entity</c> means unknown).</summary>
    public static string Json(IdentifyResult result) => JsonSerializer.Serialize(result, WithNulls);
}
