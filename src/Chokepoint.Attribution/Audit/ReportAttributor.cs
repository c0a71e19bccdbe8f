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

        // Nothing unseen may be lost: an item no layer claims is shown with hosting, under its own key.
        var shown = others.Prepend(hosting).SelectMany(layer => layer.Unobserved).Select(item => item.What).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unclaimed = observations.Unobserved
            .Where(item => !shown.Contains(item.What))
            .Select(item => new UnobservedItem(item.What, item.Reason));
        hosting = hosting with { Unobserved = [.. hosting.Unobserved, .. unclaimed] };
        var layers = others.Prepend(hosting).OrderBy(layer => layer.Layer).ToList();

        return new AuditReport
        {
            Domain = observations.Domain,
            CollectedAt = observations.CollectedAt,
            Network = observations.Network,
            Layers = layers,
        };
    }
}
