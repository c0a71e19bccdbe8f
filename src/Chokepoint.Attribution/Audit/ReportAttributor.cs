using Chokepoint.Attribution.Naming;
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
        return new AuditReport
        {
            Domain = observations.Domain,
            CollectedAt = observations.CollectedAt,
            Network = observations.Network,
            Layers =
            [
                RegistrationAttribution.Attribute(context),
                DnsAttribution.Attribute(context),
                hosting,
                cdn,
                TlsAttribution.Attribute(context),
                MailAttribution.Attribute(context),
                page,
                money,
            ],
        };
    }
}
