using System.Reflection;

namespace Chokepoint.Attribution.Catalog;

/// <summary>
/// The provider catalog: companies (with ownership), the providers they run, and the signals that reveal each
/// provider. Loaded from JSON data files; immutable and safe to share between threads once loaded.
/// </summary>
public sealed class ProviderCatalog
{
    /// <summary>
    /// The date of the built-in catalog's last data change (yyyy-MM-dd), named in every report with the content hash
    /// of its files; bumped with every change to <c>Catalog/Data</c>.
    /// </summary>
    public const string Edition = "2026-12-02";

    private static readonly Lazy<ProviderCatalog> Embedded = new(LoadEmbeddedCore);

    private readonly Dictionary<string, Company> _companies;
    private readonly Dictionary<string, Provider> _providers;
    private readonly Dictionary<SignalKind, List<CompiledRule>> _rules;
    private readonly Dictionary<string, Company> _ultimateParents = new(StringComparer.Ordinal);

    private ProviderCatalog(
        Dictionary<string, Company> companies,
        List<Provider> providers,
        Dictionary<SignalKind, List<CompiledRule>> rules,
        IReadOnlyList<string> files,
        IReadOnlyList<string> ambiguities)
    {
        _companies = companies;
        _providers = providers.ToDictionary(p => p.Id, StringComparer.Ordinal);
        _rules = rules;
        Providers = providers;
        Files = files;
        Ambiguities = ambiguities;
        foreach (var id in companies.Keys)
        {
            _ultimateParents[id] = ResolveTop(id);
        }
    }

    /// <summary>Every company, in load order.</summary>
    public IReadOnlyCollection<Company> Companies => _companies.Values;

    /// <summary>Every provider, in load order.</summary>
    public IReadOnlyList<Provider> Providers { get; }

    /// <summary>The names of the files the catalog was loaded from, in load order.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>
    /// Rules that two providers share (same kind and normalised pattern); the first loaded wins a match.
    /// Not a load error, but the data should be fixed.
    /// </summary>
    public IReadOnlyList<string> Ambiguities { get; }

    /// <summary>The catalog built into this assembly: every embedded resource named <c>Catalog.*.json</c>.</summary>
    /// <exception cref="CatalogLoadException">A built-in file is invalid (a bug in the data).</exception>
    public static ProviderCatalog LoadEmbedded() => Embedded.Value;

    /// <summary>
    /// Loads a catalog from named JSON streams (the names are used in error messages). Companies listed in several
    /// files are merged when their name, parent and country agree; otherwise loading fails naming both files.
    /// </summary>
    /// <exception cref="CatalogLoadException">A file is malformed, or files contradict each other; the message names the file and entry.</exception>
    public static ProviderCatalog Load(IEnumerable<(string name, Stream json)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var companies = new Dictionary<string, Company>(StringComparer.Ordinal);
        var companyFiles = new Dictionary<string, string>(StringComparer.Ordinal);
        var providers = new List<Provider>();
        var providerFiles = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var (name, json) in files)
        {
            names.Add(name);
            var (fileCompanies, fileProviders) = CatalogFileReader.Read(name, json);
            foreach (var company in fileCompanies)
            {
                if (companies.TryGetValue(company.Id, out var existing))
                {
                    if (existing.Name != company.Name || existing.Parent != company.Parent
                        || !string.Equals(existing.Country, company.Country, StringComparison.OrdinalIgnoreCase))
                    {
                        throw new CatalogLoadException(
                            $"company '{company.Id}' conflicts between {companyFiles[company.Id]} ({Describe(existing)}) and {name} ({Describe(company)})");
                    }

                    continue;
                }

                companies[company.Id] = company;
                companyFiles[company.Id] = name;
            }

            foreach (var provider in fileProviders)
            {
                if (providerFiles.TryGetValue(provider.Id, out var other))
                {
                    throw new CatalogLoadException($"provider '{provider.Id}' is defined in both {other} and {name}");
                }

                providerFiles[provider.Id] = name;
                providers.Add(provider);
            }
        }

        foreach (var company in companies.Values)
        {
            if (company.Parent is { } parent && !companies.ContainsKey(parent))
            {
                throw new CatalogLoadException($"{companyFiles[company.Id]}: company '{company.Id}' has parent '{parent}', which no file defines");
            }

            CheckNoCycle(company, companies, companyFiles);
        }

        var rules = new Dictionary<SignalKind, List<CompiledRule>>();
        var seen = new Dictionary<string, Provider>(StringComparer.Ordinal);
        var ambiguities = new List<string>();
        var order = 0;
        foreach (var provider in providers)
        {
            if (!companies.ContainsKey(provider.CompanyId))
            {
                throw new CatalogLoadException($"{provider.File}: provider '{provider.Id}' names company '{provider.CompanyId}', which no file defines");
            }

            foreach (var signal in provider.Signals)
            {
                var rule = CompiledRule.Create(provider, signal, order++, out var error)
                    ?? throw new CatalogLoadException($"{provider.File}: provider '{provider.Id}' signal {SignalKinds.ToWord(signal.Kind)} '{signal.Pattern}': {error}");
                if (seen.TryGetValue(rule.Key, out var first))
                {
                    if (first.Id != provider.Id)
                    {
                        ambiguities.Add($"{rule.Key} is claimed by '{first.Id}' ({first.File}) and '{provider.Id}' ({provider.File})");
                    }
                }
                else
                {
                    seen[rule.Key] = provider;
                }

                if (!rules.TryGetValue(signal.Kind, out var list))
                {
                    rules[signal.Kind] = list = [];
                }

                list.Add(rule);
            }
        }

        return new ProviderCatalog(companies, providers, rules, names, ambiguities);
    }

    /// <summary>The best match for an observed value: the most specific pattern wins (more labels, then more literal characters); ties go to the rule loaded first.</summary>
    /// <returns>The match, or null when no rule matches or the value is not a valid value of that kind.</returns>
    public CatalogMatch? Match(SignalKind kind, string value) => Matches(kind, value) is [var best, ..] ? best : null;

    /// <summary>The best match among providers of one service (e.g. an ASN looked up as <c>cdn</c> only).</summary>
    public CatalogMatch? Match(SignalKind kind, string value, string service) =>
        Matches(kind, value).FirstOrDefault(m => m.Provider.Service == service);

    /// <summary>Every match for an observed value, most specific first.</summary>
    public IReadOnlyList<CatalogMatch> Matches(SignalKind kind, string value)
    {
        if (!_rules.TryGetValue(kind, out var rules) || SignalValue.Normalize(kind, value, out _) is not { } normalized)
        {
            return [];
        }

        return rules
            .Select(rule => (rule, score: rule.Score(normalized)))
            .Where(x => x.score is not null)
            .OrderByDescending(x => x.score)
            .ThenBy(x => x.rule.Order)
            .Select(x => ToMatch(x.rule))
            .ToList();
    }

    /// <summary>The value in the normal form it is compared in (e.g. punycode host, "13335" for "AS13335"), or null with a reason when invalid.</summary>
    public static string? NormalizeValue(SignalKind kind, string value, out string error) =>
        SignalValue.Normalize(kind, value, out error)?.Text;

    /// <summary>The company with this id, or null.</summary>
    public Company? GetCompany(string id) => _companies.GetValueOrDefault(id);

    /// <summary>The provider with this id, or null.</summary>
    public Provider? GetProvider(string id) => _providers.GetValueOrDefault(id);

    /// <summary>The top of a company's ownership chain (e.g. <c>dyn</c> -> Oracle); the company itself when independent.</summary>
    /// <exception cref="ArgumentException">No company has this id.</exception>
    public Company UltimateParent(string id) =>
        _ultimateParents.TryGetValue(id, out var top) ? top : throw new ArgumentException($"no company '{id}' in the catalog", nameof(id));

    /// <summary>Every provider of a service, in load order.</summary>
    public IReadOnlyList<Provider> ProvidersOf(string service) => [.. Providers.Where(p => p.Service == service)];

    /// <summary>Providers of the same service whose ultimate owner differs from the given company's ultimate owner.</summary>
    public IEnumerable<Provider> Alternatives(string service, string excludingCompanyId)
    {
        var excluded = _ultimateParents.TryGetValue(excludingCompanyId, out var top) ? top.Id : excludingCompanyId;
        return ProvidersOf(service).Where(p => _ultimateParents[p.CompanyId].Id != excluded);
    }

    private CatalogMatch ToMatch(CompiledRule rule)
    {
        var company = _companies[rule.Provider.CompanyId];
        return new CatalogMatch(rule.Provider, company, _ultimateParents[company.Id], rule.Signal);
    }

    private Company ResolveTop(string id)
    {
        var company = _companies[id];
        while (company.Parent is { } parent)
        {
            company = _companies[parent];
        }

        return company;
    }

    private static void CheckNoCycle(Company company, Dictionary<string, Company> companies, Dictionary<string, string> files)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal) { company.Id };
        var current = company;
        while (current.Parent is { } parent && companies.TryGetValue(parent, out var next))
        {
            if (!visited.Add(next.Id))
            {
                throw new CatalogLoadException($"{files[company.Id]}: company '{company.Id}' is in an ownership cycle ({string.Join(" -> ", visited)} -> {next.Id})");
            }

            current = next;
        }
    }

    private static string Describe(Company company) =>
        $"name '{company.Name}', parent '{company.Parent ?? "none"}', country '{company.Country ?? "none"}'";

    private static ProviderCatalog LoadEmbeddedCore()
    {
        var assembly = typeof(ProviderCatalog).Assembly;
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Catalog.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        var streams = new List<Stream>();
        try
        {
            foreach (var name in names)
            {
                streams.Add(Open(assembly, name));
            }

            return Load(names.Zip(streams, (n, s) => (n, s)));
        }
        finally
        {
            foreach (var stream in streams)
            {
                stream.Dispose();
            }
        }
    }

    private static Stream Open(Assembly assembly, string name) =>
        assembly.GetManifestResourceStream(name) ?? throw new CatalogLoadException($"{name}: embedded resource missing");
}
