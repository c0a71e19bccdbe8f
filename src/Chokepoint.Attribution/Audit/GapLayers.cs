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
    public static string KindName(GapKind kind) => JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());

    /// <summary>A gap as a report item, with its kind in the observations format's kebab case.</summary>
    public static UnobservedItem ToItem(Unobserved gap) => new(gap.What, gap.Reason)
    {
        Kind = KindName(gap.Kind),
        Subject = gap.Subject,
        Target = gap.Target,
    };
}
