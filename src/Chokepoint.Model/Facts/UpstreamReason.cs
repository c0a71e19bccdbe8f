using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>Why a provider's zone was looked at (JSON: "cname", "mx", "ocsp").</summary>
[JsonConverter(typeof(VocabularyConverter<UpstreamReason>))]
public enum UpstreamReason
{
    /// <summary>It holds a CNAME target of the site's names.</summary>
    Cname,

    /// <summary>It holds a mail exchanger of the site.</summary>
    Mx,

    /// <summary>It holds the OCSP responder of the site's certificate (or a name on its CNAME chain).</summary>
    Ocsp,
}
