using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>The layers of a site's supply chain, in the order the report shows them (JSON: "registration", "dns", ...).</summary>
[JsonConverter(typeof(VocabularyConverter<Layer>))]
public enum Layer
{
    /// <summary>The TLD registry and the registrar.</summary>
    Registration,

    /// <summary>Authoritative DNS.</summary>
    Dns,

    /// <summary>Where the pages are served from: clouds by network, platforms by CNAME.</summary>
    Hosting,

    /// <summary>Content delivery networks and proxies in front of the site.</summary>
    Cdn,

    /// <summary>Certificate authorities.</summary>
    Tls,

    /// <summary>Mail receiving, sending and DMARC reports.</summary>
    Mail,

    /// <summary>Third parties the pages load.</summary>
    Page,

    /// <summary>Revenue paths.</summary>
    Money,
}
