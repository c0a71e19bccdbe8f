using Chokepoint.Naming;
using Chokepoint.Model;
using Chokepoint.Observations;

namespace Chokepoint.Attribution.Audit;

/// <summary>Turns a site's observations into the report's layers, every dependency rolled up to its owning company.</summary>
public sealed class ReportAttributor(CatalogLookup lookup, PublicSuffixList suffixes)
{
    /// <summary>Attributes every layer. Pure: the same observations always give the same report.</summary>
    public AuditReport Attribute(SiteObservations observations)
    {
        var context = new AttributionContext(observations, lookup, suffixes);
        var (hosting, cdn) = DeliveryAttribution.Attribute(context);
        var (page, money) = PageAttribution.Attribute(context);
        LayerReport[] others =
        [
            RegistrationAttribution.Attribute(context),
            DnsAttribution.Attribute(context),
            cdn,
            TlsAttribution.Attribute(context),
            MailAttribution.Attribute(context),
            page,
            money,
        ];

        // Nothing unseen may be lost: a gap whose subject no layer claims is shown with hosting, under its own key.
        var unclaimed = observations.Unobserved.Where(gap => !GapLayers.IsClaimed(gap.Subject)).Select(GapLayers.ToItem);
        hosting = hosting with
        {
            Unobserved = [.. hosting.Unobserved, .. unclaimed],
            Absent = [.. hosting.Absent, .. WebNamesWithoutAddress(observations)],
        };
        var delegated = observations.Dns?.NameServers.Any(ns => ns.AtParent) == true;
        var layers = others.Prepend(hosting).OrderBy(layer => layer.Layer).Select(layer => GapLayers.SeparateAbsent(layer, delegated)).ToList();

        return new AuditReport
        {
            Domain = observations.Domain,
            CollectedAt = observations.CollectedAt,
            Network = observations.Network,
            Layers = layers,
        };
    }

    /// <summary>The apex and www names that were asked and answered with no address: observed, not a gap.</summary>
    private static IEnumerable<AbsentItem> WebNamesWithoutAddress(SiteObservations observations) =>
        observations.Hosts
            .Where(host => host.Role is "apex" or "www" or "page" && host.Addresses.Count == 0)
            .Select(host => new AbsentItem(GapKeys.ForHost(host.Role), host.Name, host.CnameChain.Count == 0
                ? $"{host.Name} has no address (the name does not exist or has no A/AAAA record)"
                : $"{host.Name} has no address (its CNAME chain ends at {host.CnameChain[^1]}, which has none)"));
}
