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
