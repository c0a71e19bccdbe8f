using System.Text.Json;
using Chokepoint.Naming;

namespace Chokepoint.Attribution.Catalog;

/// <summary>Reads one catalog data file into companies and providers; errors name the file and the entry.</summary>
internal static class CatalogFileReader
{
    public static (List<Company> Companies, List<Provider> Providers) Read(string file, Stream json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new CatalogLoadException($"{file}: not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new CatalogLoadException($"{file}: the top level must be an object with \"companies\" and \"providers\"");
            }

            var companies = new List<Company>();
            var providers = new List<Provider>();
            var index = 0;
            foreach (var element in Array(file, root, "companies"))
            {
                companies.Add(ReadCompany(file, $"companies[{index++}]", element));
            }

            index = 0;
            foreach (var element in Array(file, root, "providers"))
            {
                providers.Add(ReadProvider(file, $"providers[{index++}]", element));
            }

            return (companies, providers);
        }
    }

    private static List<JsonElement> Array(string file, JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new CatalogLoadException($"{file}: \"{name}\" must be an array");
        }

        return [.. array.EnumerateArray()];
    }

    private static Company ReadCompany(string file, string entry, JsonElement element)
    {
        var id = Required(file, entry, element, "id");
        var where = $"{entry} (company '{id}')";
        CheckId(file, where, id);
        var name = Required(file, where, element, "name");
        var parent = Optional(file, where, element, "parent");
        var country = Optional(file, where, element, "country");
        var source = Optional(file, where, element, "source");
        if (parent == id)
        {
            throw new CatalogLoadException($"{file}: {where}: a company cannot be its own parent");
        }

        return new Company(id, name, parent, country, source);
    }

    private static Provider ReadProvider(string file, string entry, JsonElement element)
    {
        var id = Required(file, entry, element, "id");
        var where = $"{entry} (provider '{id}')";
        CheckId(file, where, id);
        var name = Required(file, where, element, "name");
        var company = Required(file, where, element, "company");
        var service = Required(file, where, element, "service");
        if (!ServiceNames.IsKnown(service))
        {
            throw new CatalogLoadException($"{file}: {where}: unknown service '{service}' (expected one of {string.Join(", ", ServiceNames.All)})");
        }

        var signals = new List<Signal>();
        if (!element.TryGetProperty("signals", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw new CatalogLoadException($"{file}: {where}: \"signals\" must be an array");
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var signalWhere = $"{where} signals[{index++}]";
            var kindWord = Required(file, signalWhere, item, "kind");
            if (!SignalKinds.DataWords.Contains(kindWord, StringComparer.Ordinal) || !SignalKinds.TryParse(kindWord, out var kind))
            {
                throw new CatalogLoadException($"{file}: {signalWhere}: unknown signal kind '{kindWord}' (expected one of {string.Join(", ", SignalKinds.DataWords)})");
            }

            var pattern = Required(file, signalWhere, item, "pattern");
            var source = Required(file, $"{signalWhere} ('{pattern}')", item, "source");
            signals.Add(new Signal(kind, pattern, source));
        }

        return new Provider(id, name, company, service, signals, file, ReadPlanning(file, where, element), ReadStatus(file, where, element), ReadAdSide(file, where, element, service, signals),
            ReadProposal(file, where, element));
    }

    /// <summary>
    /// The optional "proposal" object: "never" (why the provider is never proposed) or "tlds" (the TLDs whose names
    /// it is offered to), and "source".
    /// </summary>
    private static ProviderProposal? ReadProposal(string file, string where, JsonElement element)
    {
        if (!element.TryGetProperty("proposal", out var proposal) || proposal.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var at = where + " proposal";
        if (proposal.ValueKind != JsonValueKind.Object)
        {
            throw new CatalogLoadException($"{file}: {at}: must be an object");
        }

        var tlds = new List<string>();
        if (proposal.TryGetProperty("tlds", out var list))
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                throw new CatalogLoadException($"{file}: {at}: \"tlds\" must be an array of TLDs");
            }

            foreach (var item in list.EnumerateArray())
            {
                var tld = item.ValueKind == JsonValueKind.String ? item.GetString()!.Trim().TrimStart('.').ToLowerInvariant() : "";
                if (tld.Length == 0 || tld.Contains('.', StringComparison.Ordinal))
                {
                    throw new CatalogLoadException($"{file}: {at}: \"tlds\" holds '{item}', not a TLD");
                }

                tlds.Add(tld);
            }
        }

        var never = Optional(file, at, proposal, "never");
        if ((never is null) == (tlds.Count == 0))
        {
            throw new CatalogLoadException($"{file}: {at}: give exactly one of \"never\" or \"tlds\"");
        }

        return new ProviderProposal(never, tlds, Required(file, at, proposal, "source"));
    }

    /// <summary>
    /// The optional "status" object: "state" (active, retired, distrusted), "since" (yyyy-MM-dd), "source" (an https
    /// URL) and an optional "note". A state other than active without a date and a source is refused.
    /// </summary>
    private static ProviderStatus? ReadStatus(string file, string where, JsonElement element)
    {
        if (!element.TryGetProperty("status", out var status) || status.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var at = where + " status";
        if (status.ValueKind != JsonValueKind.Object)
        {
            throw new CatalogLoadException($"{file}: {at}: must be an object");
        }

        var stateWord = Required(file, at, status, "state");
        var state = stateWord switch
        {
            "active" => ProviderState.Active,
            "retired" => ProviderState.Retired,
            "distrusted" => ProviderState.Distrusted,
            _ => throw new CatalogLoadException($"{file}: {at}: unknown state '{stateWord}' (expected active, retired or distrusted)"),
        };
        var sinceText = Required(file, at, status, "since");
        if (!DateOnly.TryParseExact(sinceText, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var since))
        {
            throw new CatalogLoadException($"{file}: {at}: \"since\" must be a date (yyyy-MM-dd), not '{sinceText}'");
        }

        var source = Required(file, at, status, "source");
        if (!Uri.TryCreate(source, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new CatalogLoadException($"{file}: {at}: \"source\" must be an https URL, not '{source}'");
        }

        return new ProviderStatus(state, since, source, Optional(file, at, status, "note"));
    }

    /// <summary>
    /// The optional "adSide" word (publisher, advertiser). Unstated, an <c>ad-exchange</c> and a provider named as an
    /// ad system in publishers' ads.txt files (an <c>ads-seller</c> signal, IAB Tech Lab ads.txt) sell publishers'
    /// inventory, so they are publisher-side; any other ad provider is unknown and never proposed for ad revenue.
    /// </summary>
    private static AdSide ReadAdSide(string file, string where, JsonElement element, string service, List<Signal> signals)
    {
        var word = Optional(file, where, element, "adSide");
        return word switch
        {
            null => service == "ad-exchange" || signals.Any(s => s.Kind == SignalKind.AdsSeller) ? AdSide.Publisher : AdSide.Unknown,
            "publisher" => AdSide.Publisher,
            "advertiser" => AdSide.Advertiser,
            _ => throw new CatalogLoadException($"{file}: {where}: unknown adSide '{word}' (expected publisher or advertiser)"),
        };
    }

    /// <summary>The optional "planning" object: "secondaryNameServers" (host names), "backupMx" (a host), "source".</summary>
    private static ProviderPlanning? ReadPlanning(string file, string where, JsonElement element)
    {
        if (!element.TryGetProperty("planning", out var planning) || planning.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var at = where + " planning";
        if (planning.ValueKind != JsonValueKind.Object)
        {
            throw new CatalogLoadException($"{file}: {at}: must be an object");
        }

        var nameServers = new List<string>();
        if (planning.TryGetProperty("secondaryNameServers", out var list))
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                throw new CatalogLoadException($"{file}: {at}: \"secondaryNameServers\" must be an array of host names");
            }

            foreach (var item in list.EnumerateArray())
            {
                nameServers.Add(HostOrThrow(file, at, item.ValueKind == JsonValueKind.String ? item.GetString() : null));
            }
        }

        var backupMx = Optional(file, at, planning, "backupMx") is { } host ? HostOrThrow(file, at, host) : null;
        var source = Required(file, at, planning, "source");
        if (nameServers.Count == 0 && backupMx is null)
        {
            throw new CatalogLoadException($"{file}: {at}: give \"secondaryNameServers\" or \"backupMx\"");
        }

        return new ProviderPlanning(nameServers, backupMx, source);
    }

    private static string HostOrThrow(string file, string where, string? host)
    {
        var name = host is null ? "" : HostName.Normalize(host);
        return name.Length > 0 && name.Contains('.', StringComparison.Ordinal) && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.')
            ? name
            : throw new CatalogLoadException($"{file}: {where}: '{host}' is not a host name");
    }

    private static void CheckId(string file, string where, string id)
    {
        if (!id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            throw new CatalogLoadException($"{file}: {where}: ids are lowercase kebab-case ([a-z0-9-])");
        }
    }

    private static string Required(string file, string where, JsonElement element, string name) =>
        Optional(file, where, element, name) is { Length: > 0 } value
            ? value
            : throw new CatalogLoadException($"{file}: {where}: \"{name}\" is required");

    private static string? Optional(string file, string where, JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new CatalogLoadException($"{file}: {where}: must be an object");
        }

        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!.Trim()
            : throw new CatalogLoadException($"{file}: {where}: \"{name}\" must be a string");
    }
}
