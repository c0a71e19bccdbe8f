using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>How a nameserver answered for the domain (JSON: "authoritative", "lame", ...).</summary>
[JsonConverter(typeof(VocabularyConverter<NameServerState>))]
public enum NameServerState
{
    /// <summary>Not queried (e.g. known only from RDAP).</summary>
    Unknown,

    /// <summary>Answered with authority.</summary>
    Authoritative,

    /// <summary>Answered without authority, or refused.</summary>
    Lame,

    /// <summary>Did not answer.</summary>
    Unreachable,

    /// <summary>Its own name did not resolve.</summary>
    Unresolved,
}
