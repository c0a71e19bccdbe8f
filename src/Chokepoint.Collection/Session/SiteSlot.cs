namespace Chokepoint.Collection.Session;

/// <summary>
/// Where a collector's results go in the site's observations: hosts, certificates, fetches and gaps are listed in
/// this order (then by index within a slot), whatever order the collectors finish in.
/// </summary>
internal enum SiteSlot
{
    Asn,
    Registration,
    Delegation,
    NameServerDomains,
    ApexHost,
    WwwHost,
    EntryHost,
    Mail,
    ApexTls,
    ApexHttp,
    WwwTls,
    WwwHttp,
    EntryTls,
    EntryHttp,
    Page,
    OriginHosts,
    Upstream,
}
