using Chokepoint.Attribution.Catalog;
using Chokepoint.Model;

namespace Chokepoint.Attribution.Audit;

/// <summary>The audit's view of the provider catalog: one call per signal, answers as report types.</summary>
public sealed class CatalogLookup(ProviderCatalog catalog)
{
    /// <summary>The catalog behind this lookup.</summary>
    public ProviderCatalog Catalog { get; } = catalog;

    /// <summary>Attributes one signal value, or returns null when no catalog rule matches.</summary>
    public Attributed? Find(SignalKind kind, string value)
    {
        var match = Catalog.Match(kind, value);
        if (match is null)
        {
            return null;
        }

        var entity = new EntityRef(match.Company.Id, match.Company.Name, match.Company.Parent);
        var owner = new EntityRef(match.UltimateParent.Id, match.UltimateParent.Name, match.UltimateParent.Parent);
        var evidence = new Evidence(SignalName(kind), value, match.Signal.Pattern, match.Signal.Source);
        return new Attributed(entity, owner, match.Provider.Id, match.Provider.Name, Vocabulary.Parse<ServiceKind>(match.Provider.Service), evidence);
    }

    /// <summary>The ultimate owner of a company id, as an entity.</summary>
    public EntityRef OwnerOf(EntityRef entity)
    {
        if (entity.IsUnknown || Catalog.GetCompany(entity.Id) is null)
        {
            return entity;
        }

        var top = Catalog.UltimateParent(entity.Id);
        return new EntityRef(top.Id, top.Name, top.Parent);
    }

    private static string SignalName(SignalKind kind) => kind switch
    {
        SignalKind.Ns => "ns",
        SignalKind.Cname => "cname",
        SignalKind.Mx => "mx",
        SignalKind.Spf => "spf",
        SignalKind.Asn => "asn",
        SignalKind.Issuer => "issuer",
        SignalKind.Ocsp => "ocsp",
        SignalKind.Header => "header",
        SignalKind.RegistrarIana => "registrar-iana",
        SignalKind.RegistrarName => "registrar-name",
        SignalKind.Tld => "tld",
        SignalKind.ResourceDomain => "resource-domain",
        SignalKind.AdsSeller => "ads-seller",
        SignalKind.LinkDomain => "link-domain",
        SignalKind.AffiliateParam => "affiliate-param",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
