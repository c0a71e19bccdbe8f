using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>How a page loads a resource (JSON: "script", "stylesheet", "dns-prefetch", ...).</summary>
[JsonConverter(typeof(VocabularyConverter<ResourceKind>))]
public enum ResourceKind
{
    /// <summary>A kind the collector named that this version does not know.</summary>
    Other,
    Script,
    Stylesheet,
    Font,
    Image,
    Iframe,
    Media,
    Form,
    Preconnect,
    DnsPrefetch,
    Xhr,
}
