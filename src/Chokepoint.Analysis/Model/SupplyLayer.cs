namespace Chokepoint.Analysis.Model;

/// <summary>The layer of the stack at which a supplier serves a site.</summary>
public enum SupplyLayer
{
    /// <summary>TLD registry and registrar: the name itself.</summary>
    Registration,

    /// <summary>Authoritative DNS hosting.</summary>
    Dns,

    /// <summary>Web hosting, cloud or upstream network of the origin.</summary>
    Hosting,

    /// <summary>Content delivery network or DDoS-protection proxy.</summary>
    Cdn,

    /// <summary>Certificate authority.</summary>
    Tls,

    /// <summary>Inbound and outbound mail.</summary>
    Mail,

    /// <summary>Third parties loaded by the page: video hosts, script CDNs, widgets.</summary>
    Page,

    /// <summary>Revenue: ads, affiliate programmes, payments, donations, memberships.</summary>
    Money,
}
