using Chokepoint.Analysis.Model;
using Chokepoint.Analysis.Modeling;
using Chokepoint.Analysis.Scenarios;
using Chokepoint.Attribution.Catalog;
using Chokepoint.Model;

namespace Chokepoint.Engine;

/// <summary>Turns what a user typed for --drop (a catalog id, a company or product name) into a company of the site, or of the catalog.</summary>
public static class CompanyResolver
{
    /// <summary>The company id <paramref name="input"/> names, for the site modelled by <paramref name="model"/>.</summary>
    /// <exception cref="UnknownCompanyException">It names no company.</exception>
    public static string Resolve(string input, SiteModel model, ProviderCatalog catalog) =>
        Resolve(input, null, model, catalog).CompanyId;

    /// <summary>
    /// The company <paramref name="input"/> names and where it stands with the site: a supplier a function needs, a
    /// supplier of the report no function needs (an analytics tag), or a catalog company the site does not use.
    /// </summary>
    /// <exception cref="UnknownCompanyException">It names no company of the site or the catalog.</exception>
    public static DroppedCompany Resolve(string input, AuditReport? report, SiteModel model, ProviderCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(catalog);
        var modelled = model.Companies();
        var supplied = Supplied(report);
        var companies = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (companyId, name) in modelled.Concat(supplied.Select(s => KeyValuePair.Create(s.Key, s.Value.Name))))
        {
            companies.TryAdd(companyId, name);
        }

        var wanted = input.Trim();
        var id = companies.ContainsKey(wanted) ? wanted
            : companies.FirstOrDefault(pair => pair.Value.Equals(wanted, StringComparison.OrdinalIgnoreCase)
                || pair.Value.StartsWith(wanted + " ", StringComparison.OrdinalIgnoreCase)
                || pair.Value.StartsWith(wanted + ",", StringComparison.OrdinalIgnoreCase)).Key
            ?? supplied.FirstOrDefault(pair => pair.Value.Products.Contains(wanted, StringComparer.OrdinalIgnoreCase)).Key
            ?? FromCatalog(wanted, catalog);
        if (id is null)
        {
            throw new UnknownCompanyException(
                $"'{input}' is neither a catalog id nor a company name; this site depends on: {string.Join(", ", companies.Select(c => $"{c.Key} ({c.Value})"))}");
        }

        var services = supplied.TryGetValue(id, out var supplier) ? supplier.Services : [];
        return modelled.TryGetValue(id, out var modelledName) ? new DroppedCompany(id, modelledName, SupplierStanding.InFunctions, services)
            : supplier is not null ? new DroppedCompany(id, supplier.Name, SupplierStanding.NeededByNoFunction, services)
            : new DroppedCompany(id, catalog.GetCompany(id)?.Name ?? id, SupplierStanding.NotASupplier, []);
    }

    private static string? FromCatalog(string wanted, ProviderCatalog catalog)
    {
        var company = catalog.GetCompany(wanted.ToLowerInvariant())
            ?? catalog.Companies.FirstOrDefault(c => c.Name.Equals(wanted, StringComparison.OrdinalIgnoreCase));
        var provider = catalog.GetProvider(wanted.ToLowerInvariant())
            ?? catalog.Providers.FirstOrDefault(p => p.Name.Equals(wanted, StringComparison.OrdinalIgnoreCase));
        return company is not null ? catalog.UltimateParent(company.Id).Id
            : provider is not null ? catalog.UltimateParent(provider.CompanyId).Id
            : null;
    }

    /// <summary>Every owning company of the report's dependencies (and what they rely on), with its name, services and products.</summary>
    private static Dictionary<string, SuppliedCompany> Supplied(AuditReport? report)
    {
        var result = new Dictionary<string, SuppliedCompany>(StringComparer.Ordinal);
        foreach (var dependency in report?.Layers.SelectMany(l => l.Dependencies).SelectMany(d => d.DependsOn.Prepend(d)) ?? [])
        {
            var owner = dependency.Owner ?? dependency.Entity;
            var id = SiteModelBuilder.CompanyOf(dependency);
            if (!result.TryGetValue(id, out var company))
            {
                result[id] = company = new SuppliedCompany(owner.Name, [], []);
            }

            var service = dependency.Provider is { } product ? $"{dependency.Service.ToWord()} ({product})" : dependency.Service.ToWord();
            if (!company.Services.Contains(service, StringComparer.Ordinal))
            {
                company.Services.Add(service);
            }

            if (dependency.Provider is { } name && !company.Products.Contains(name, StringComparer.Ordinal))
            {
                company.Products.Add(name);
            }
        }

        return result;
    }

    private sealed record SuppliedCompany(string Name, List<string> Services, List<string> Products);
}
