using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>Why a host was looked at (JSON: "apex", "www", "origin", "ocsp", ...).</summary>
[JsonConverter(typeof(VocabularyConverter<HostRole>))]
public enum HostRole
{
    /// <summary>The site's registered name.</summary>
    Apex,

    /// <summary>The www name.</summary>
    Www,

    /// <summary>A host the site's pages are served from.</summary>
    Page,

    /// <summary>The origin behind a CDN.</summary>
    Origin,

    /// <summary>A mail exchanger.</summary>
    Mx,

    /// <summary>The host of the certificate's OCSP responder.</summary>
    Ocsp,

    /// <summary>A resource the pages load (from a browser capture).</summary>
    Resource,

    /// <summary>A URL the collector fetched.</summary>
    Response,
}
