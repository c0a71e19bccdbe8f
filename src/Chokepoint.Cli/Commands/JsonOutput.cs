using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chokepoint.Cli.Commands;

/// <summary>JSON settings for everything the CLI prints as JSON.</summary>
internal static class JsonOutput
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The same, but writing nulls: for answers where null means "unknown" (identify's entity).</summary>
    public static JsonSerializerOptions WithNulls { get; } = new(Options) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };
}
