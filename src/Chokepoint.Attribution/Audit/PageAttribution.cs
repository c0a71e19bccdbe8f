using Chokepoint.Attribution.Catalog;
using Chokepoint.Model;

namespace Chokepoint.Attribution.Audit;

/// <summary>
/// The page and money layers: third-party resources the pages load (what degrades if one disappears) and each
/// revenue path (ads with DIRECT / RESELLER sellers, affiliate programs, payments, donations, memberships).
/// </summary>
public static class PageAttribution
{
    /// <summary>Builds the page and the money layer.</summary>
    public static (LayerReport Page, LayerReport Money) Attribute(AttributionContext context)
    {
        var page = new DependencyBuilder();
        var money = new DependencyBuilder();
        var observation = context.Observations.Page;
        var served = new Dictionary<(string EntityId, ServiceKind Service), DependencyBuilder>();
        if (observation is not null)
        {
            foreach (var resource in observation.Resources.Where(resource => !context.IsSiteOwned(resource.Host)))
            {
                var details = new DependencyFacts
                {
                    PageUses =
                    [
                        new PageUse
                        {
                            Url = resource.Url,
                            Host = resource.Host,
                            Kind = Vocabulary.TryParse<ResourceKind>(resource.Kind, out var kind) ? kind : ResourceKind.Other,
                            Blocking = resource.Blocking,
                        },
                    ],
                };
                var known = context.Lookup.Find(SignalKind.ResourceDomain, resource.Host);
                if (known is null && context.SuffixOperator(resource.Host) is { } suffixOperator)
                {
                    // A host under a suffix one company runs (x.cloudfront.net) is that company's, whatever it serves.
                    known = suffixOperator with { Service = ServiceKind.ThirdPartyResource };
                }

                if (known is not null)
                {
                    (known.Service.IsRevenue() ? money : page).Add(known, Classification.ThirdParty, details);
                    ServedThrough(context, served, known.Entity.Id, known.Service, resource);
                    continue;
                }

                var operatorDomain = context.OperatorDomainOf(resource.Host);
                var unknown = EntityRef.Unknown(operatorDomain);
                page.Add(unknown, unknown, ServiceKind.ThirdPartyResource, operatorDomain, Classification.ThirdParty,
                    new Evidence("resource-domain", resource.Host), details);
                ServedThrough(context, served, unknown.Id, ServiceKind.ThirdPartyResource, resource);
            }

            foreach (var link in observation.Links.Where(link => !context.IsSiteOwned(link.Host)))
            {
                Attributed? known = null;
                if (link.AffiliateTag is { } tag)
                {
                    var parameter = tag.Split('=', 2)[0];
                    known = context.Lookup.Find(SignalKind.AffiliateParam, $"{link.Host}?{parameter}");
                }

                known ??= context.Lookup.Find(SignalKind.LinkDomain, link.Host);
                if (known is null)
                {
                    continue;
                }

                var details = new DependencyFacts
                {
                    Links = [new LinkUse { Url = link.Url, Text = string.IsNullOrWhiteSpace(link.Text) ? null : link.Text.Trim(), Account = link.AffiliateTag }],
                };

                // A general payment processor used from a "donate" link is this site's donation path.
                if (known.Service == ServiceKind.Payments && DonationWords.IsDonation(link.Text, link.Url, link.FoundOn))
                {
                    known = known with { Service = ServiceKind.Donations };
                }

                (known.Service.IsRevenue() ? money : page).Add(known, Classification.ThirdParty, details);
            }

            foreach (var entry in observation.AdsTxt)
            {
                var details = Vocabulary.TryParse<SellerRelationship>(entry.Relationship.ToLowerInvariant(), out var relationship)
                    ? new DependencyFacts { Sellers = [new AdsSeller(entry.AccountId, relationship)] }
                    : null;
                var known = context.Lookup.Find(SignalKind.AdsSeller, entry.AdSystem);
                if (known is not null)
                {
                    money.Add(known, Classification.ThirdParty, details);
                }
                else
                {
                    var unknown = EntityRef.Unknown(entry.AdSystem);
                    money.Add(unknown, unknown, ServiceKind.Ads, entry.AdSystem, Classification.ThirdParty, new Evidence("ads-seller", entry.AdSystem), details);
                }
            }
        }

        var unobserved = GapLayers.For(context.Observations, Layer.Page);
        if (observation is null && unobserved.Count == 0)
        {
            unobserved.Add(new UnobservedItem("page", "the pages were not fetched"));
        }
        else if (observation is not null)
        {
            // A missing ads.txt (404) is an observation - none is published - not something unseen.
            foreach (var fetch in observation.Pages.Where(fetch => fetch.Incomplete is not null
                && !(fetch.Purpose.EndsWith("ads.txt", StringComparison.Ordinal) && fetch.Status == 404)))
            {
                unobserved.Add(new UnobservedItem("page." + fetch.Purpose, $"{fetch.Url}: {fetch.Incomplete}"));
            }
        }

        // The CDN a third-party host answered through (its response headers in a HAR) is what that host relies on.
        IReadOnlyList<Dependency> WithCdn(IReadOnlyList<Dependency> dependencies) =>
        [
            .. dependencies.Select(dependency => served.TryGetValue((dependency.Entity.Id, dependency.Service), out var cdn)
                ? dependency with { DependsOn = [.. dependency.DependsOn, .. cdn.Build(_ => false).Where(d => d.Entity.Id != dependency.Entity.Id)] }
                : dependency),
        ];

        return (
            new LayerReport { Layer = Layer.Page, Dependencies = WithCdn(page.Build(_ => false)), Unobserved = unobserved },
            new LayerReport { Layer = Layer.Money, Dependencies = WithCdn(money.Build()), Unobserved = GapLayers.For(context.Observations, Layer.Money) });
    }

    /// <summary>Records the CDN a third-party resource's response headers name, under the dependency that loads it.</summary>
    private static void ServedThrough(
        AttributionContext context, Dictionary<(string EntityId, ServiceKind Service), DependencyBuilder> served, string entityId, ServiceKind service, Observations.Page.PageResource resource)
    {
        foreach (var (name, value) in resource.Headers ?? [])
        {
            var header = $"{name}: {value}";
            if (context.Lookup.Find(SignalKind.Header, header) is not { Service: ServiceKind.Cdn } cdn)
            {
                continue;
            }

            if (!served.TryGetValue((entityId, service), out var builder))
            {
                builder = new DependencyBuilder();
                served[(entityId, service)] = builder;
            }

            builder.Add(cdn, Classification.ThirdParty, new DependencyFacts
            {
                Hosts = [new HostUse { Host = resource.Host, Role = HostRole.Resource, Url = resource.Url, Header = header }],
            });
        }
    }
}
