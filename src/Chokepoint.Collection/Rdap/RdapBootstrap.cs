using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Chokepoint.Naming;

namespace Chokepoint.Collection.Rdap;

/// <summary>
/// The RDAP bootstrap registry for domain names: which RDAP base URLs serve which TLDs.
/// Accepts the IANA file (<c>{"services": [[["com"], ["https://..."]]]}</c>) or an object holding it under "dns".
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc7484">RFC 7484: Finding the Authoritative RDAP Service</seealso>
public sealed class RdapBootstrap
{
    /// <summary>IANA's bootstrap file for domain names.</summary>
    public static readonly Uri IanaDnsBootstrap = new("https://data.iana.org/rdap/dns.json");

    private readonly Dictionary<string, IReadOnlyList<Uri>> services;

    private RdapBootstrap(Dictionary<string, IReadOnlyList<Uri>> services, string? publication)
    {
        this.services = services;
        Publication = publication;
    }

    /// <summary>The "publication" date of the file, as written.</summary>
    public string? Publication { get; }

    /// <summary>Number of TLD entries.</summary>
    public int Count => services.Count;

    /// <summary>Parses a bootstrap file; throws <see cref="FormatException"/> if it is not one.</summary>
    public static RdapBootstrap Parse(string json) =>
        TryParse(json, out var bootstrap, out var error) ? bootstrap : throw new FormatException(error);

    /// <summary>Parses a bootstrap file, reporting why it is not one in <paramref name="error"/>.</summary>
    public static bool TryParse(string json, [NotNullWhen(true)] out RdapBootstrap? bootstrap, out string? error)
    {
        bootstrap = null;
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && !root.TryGetProperty("services", out _)
                && root.TryGetProperty("dns", out var dns))
            {
                root = dns;
            }

            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("services", out var serviceList)
                || serviceList.ValueKind != JsonValueKind.Array)
            {
                error = "RDAP bootstrap has no \"services\" array";
                return false;
            }

            var map = new Dictionary<string, IReadOnlyList<Uri>>(StringComparer.OrdinalIgnoreCase);
            foreach (var service in serviceList.EnumerateArray())
            {
                if (service.ValueKind != JsonValueKind.Array || service.GetArrayLength() < 2
                    || service[0].ValueKind != JsonValueKind.Array || service[1].ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                var urls = service[1].EnumerateArray()
                    .Where(u => u.ValueKind == JsonValueKind.String)
                    .Select(u => Uri.TryCreate(EnsureSlash(u.GetString()!), UriKind.Absolute, out var uri) ? uri : null)
                    .OfType<Uri>()
                    .Where(u => u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)
                    .OrderBy(u => u.Scheme == Uri.UriSchemeHttps ? 0 : 1)
                    .ToList();
                if (urls.Count == 0)
                {
                    continue;
                }

                foreach (var tld in service[0].EnumerateArray())
                {
                    if (tld.ValueKind == JsonValueKind.String && tld.GetString() is { Length: > 0 } name)
                    {
                        map.TryAdd(name.Trim('.').ToLowerInvariant(), urls);
                    }
                }
            }

            var publication = root.TryGetProperty("publication", out var p) && p.ValueKind == JsonValueKind.String
                ? p.GetString()
                : null;
            bootstrap = new RdapBootstrap(map, publication);
            error = null;
            return true;
        }
        catch (JsonException exception)
        {
            error = $"RDAP bootstrap is not valid JSON: {exception.Message}";
            return false;
        }
    }

    /// <summary>
    /// The service for <paramref name="domain"/> by longest label match (RFC 7484 section 4): for
    /// "example.co.uk" an entry "co.uk" wins over "uk". Null when no entry matches.
    /// </summary>
    public RdapServiceMatch? Find(string domain)
    {
        var labels = HostName.Normalize(domain).Split('.');
        for (var start = 0; start < labels.Length; start++)
        {
            var suffix = string.Join('.', labels, start, labels.Length - start);
            if (services.TryGetValue(suffix, out var urls))
            {
                return new RdapServiceMatch(suffix, urls);
            }
        }

        return null;
    }

    private static string EnsureSlash(string url) => url.EndsWith('/') ? url : url + "/";
}
