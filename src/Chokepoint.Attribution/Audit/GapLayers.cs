using System.Text.Json;
using Chokepoint.Model;
using Chokepoint.Observations;

namespace Chokepoint.Attribution.Audit;

/// <summary>
/// The one table of which report layer shows each gap, by its subject (<see cref="Unobserved.Subject"/>), never by
/// reading its key or reason. A subject no layer claims is shown with hosting (<see cref="ReportAttributor"/>), so
/// that nothing unseen is lost.
/// </summary>
public static class GapLayers
{
    /// <summary>Subject to the layers that show it: one, except CAA, which is DNS data that says which CAs may issue.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<Layer>> Table { get; } = new Dictionary<string, IReadOnlyList<Layer>>(StringComparer.Ordinal)
    {
        [GapKeys.Rdap] = [Layer.Registration],
        [GapKeys.RdapRegistrar] = [Layer.Registration],
        [GapKeys.RdapNameServer] = [Layer.Dns],
        [GapKeys.Dns] = [Layer.Dns],
        [GapKeys.DnsNsParent] = [Layer.Dns],
        [GapKeys.DnsNsChild] = [Layer.Dns],
        [GapKeys.DnsSoa] = [Layer.Dns],
        [GapKeys.DnsCaa] = [Layer.Dns, Layer.Tls],
        [GapKeys.DnsTxt] = [Layer.Dns],
        [GapKeys.DnsDs] = [Layer.Dns],
        [GapKeys.DnsDnskey] = [Layer.Dns],
        [GapKeys.HostApex] = [Layer.Hosting],
        [GapKeys.HostApexA] = [Layer.Hosting],
        [GapKeys.HostApexAaaa] = [Layer.Hosting],
        [GapKeys.HostWww] = [Layer.Hosting],
        [GapKeys.HostWwwA] = [Layer.Hosting],
        [GapKeys.HostWwwAaaa] = [Layer.Hosting],
        [GapKeys.HostOrigin] = [Layer.Hosting],
        [GapKeys.HostOriginA] = [Layer.Hosting],
        [GapKeys.HostOriginAaaa] = [Layer.Hosting],
        [GapKeys.Http] = [Layer.Hosting],
        [GapKeys.Asn] = [Layer.Hosting],
        [GapKeys.UpstreamZoneCname] = [Layer.Cdn],
        [GapKeys.Tls] = [Layer.Tls],
        [GapKeys.HostOcsp] = [Layer.Tls],
        [GapKeys.HostOcspA] = [Layer.Tls],
        [GapKeys.HostOcspAaaa] = [Layer.Tls],
        [GapKeys.UpstreamZoneOcsp] = [Layer.Tls],
        [GapKeys.Mail] = [Layer.Mail],
        [GapKeys.MailMx] = [Layer.Mail],
        [GapKeys.MailExchanger] = [Layer.Mail],
        [GapKeys.MailSpf] = [Layer.Mail],
        [GapKeys.MailDmarc] = [Layer.Mail],
        [GapKeys.UpstreamZoneMx] = [Layer.Mail],
        [GapKeys.Page] = [Layer.Page],
        [GapKeys.PageProbe] = [Layer.Page],
        [GapKeys.AdsTxt] = [Layer.Money],
    };

    /// <summary>True when some layer shows gaps about <paramref name="subject"/>.</summary>
    public static bool IsClaimed(string subject) => Table.ContainsKey(subject);

    /// <summary>The gaps of <paramref name="observations"/> that <paramref name="layer"/> shows, as report items.</summary>
    public static List<UnobservedItem> For(SiteObservations observations, Layer layer) =>
        observations.Unobserved
            .Where(gap => Table.TryGetValue(gap.Subject, out var layers) && layers.Contains(layer))
            .Select(ToItem)
            .ToList();

    /// <summary>A kind as the observations format writes it: kebab case ("budget-spent").</summary>
    /// <summary>
    /// Moves the answers "does not exist" out of a layer's gaps into its <see cref="LayerReport.Absent"/> facts: an
    /// NXDOMAIN (a name, the delegation at the TLD, an RDAP 404) is an observed fact, and so is a mail exchanger or a
    /// web name with no address. Every other kind stays a gap.
    /// </summary>
    /// <remarks>
    /// An RDAP 404 for a name the TLD does delegate (<paramref name="delegated"/>) contradicts the DNS: it stays a gap
    /// (the registrar was not seen), not a fact.
    /// </remarks>
    public static LayerReport SeparateAbsent(LayerReport layer, bool delegated)
    {
        // A nameserver domain's RDAP 404 is the same contradiction: its nameservers' names resolve.
        bool IsAbsence(UnobservedItem item) => GapLayers.IsAbsence(item) && item.Subject != GapKeys.RdapNameServer
            && !(delegated && item.Subject is GapKeys.Rdap or GapKeys.RdapRegistrar);
        var absent = layer.Unobserved.Where(IsAbsence).ToList();
        if (absent.Count == 0)
        {
            return layer;
        }

        return layer with
        {
            Unobserved = [.. layer.Unobserved.Where(item => !IsAbsence(item))],
            Absent = [.. layer.Absent, .. absent.Select(item => new AbsentItem(item.What, item.Target, AbsenceText(item))).DistinctBy(item => item.Text, StringComparer.Ordinal)],
        };
    }

    private static readonly string NxDomainWord = KindName(GapKind.NxDomain);
    private static readonly string NoDataWord = KindName(GapKind.NoData);

    private static bool IsAbsence(UnobservedItem item) =>
        item.Kind == NxDomainWord
        || (item.Kind == NoDataWord && item.Subject is GapKeys.MailExchanger or GapKeys.Page);

    private static string AbsenceText(UnobservedItem item) => item.Subject switch
    {
        GapKeys.Rdap or GapKeys.RdapRegistrar => $"the registry's RDAP service has no record of {item.Target ?? "the domain"}",
        _ => item.Reason.StartsWith("not observed: ", StringComparison.Ordinal) ? item.Reason["not observed: ".Length..] : item.Reason,
    };

    public static string KindName(GapKind kind) => JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());

    /// <summary>A gap as a report item, with its kind in the observations format's kebab case.</summary>
    public static UnobservedItem ToItem(Unobserved gap) => new(gap.What, gap.Reason)
    {
        Kind = KindName(gap.Kind),
        Subject = gap.Subject,
        Target = gap.Target,
    };
}
