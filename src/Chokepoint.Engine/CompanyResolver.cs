using Chokepoint.Analysis.Model;
using Chokepoint.Attribution.Catalog;

namespace Chokepoint.Engine;

/// <summary>Turns what a user typed for --drop (a catalog id, a company or product name) into a company id of the site's model.</summary>
public static class CompanyResolver
{
    /// <summary>The company id <paramref name="input"/> names, for the site modelled by <paramref name="model"/>.</summary>
    /// <exception cref="UnknownCompanyException">It names no company.</exception>
    public static string Resolve(string input, SiteModel model, ProviderCatalog catalog)
    {
        var companies = model.Companies();
        var wanted = input.Trim();
        if (companies.ContainsKey(wanted))
        {
            return wanted;
        }

        var byName = companies.FirstOrDefault(pair => pair.Value.Equals(wanted, StringComparison.OrdinalIgnoreCase)
            || pair.Value.StartsWith(wanted + " ", StringComparison.OrdinalIgnoreCase)
            || pair.Value.StartsWith(wanted + ",", StringComparison.OrdinalIgnoreCase));
        if (byName.Key is not null)
        {
            return byName.Key;
        }

        var company = catalog.GetCompany(wanted.ToLowerInvariant())
            ?? catalog.Companies.FirstOrDefault(c => c.Name.Equals(wanted, StringComparison.OrdinalIgnoreCase));
        var provider = catalog.GetProvider(wanted.ToLowerInvariant())
            ?? catalog.Providers.FirstOrDefault(p => p.Name.Equals(wanted, StringComparison.OrdinalIgnoreCase));
        var id = company is not null ? catalog.UltimateParent(company.Id).Id
            : provider is not null ? catalog.UltimateParent(provider.CompanyId).Id
            : null;
        if (id is not null)
        {
            return id;
        }

        throw new UnknownCompanyException(
            $"'{input}' is neither a catalog id nor a company name; this site depends on: {string.Join(", ", companies.Select(c => $"{c.Key} ({c.Value})"))}");
    }
}
