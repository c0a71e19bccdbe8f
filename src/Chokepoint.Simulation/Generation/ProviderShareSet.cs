using System.Globalization;
using System.Text.Json;

namespace Chokepoint.Simulation.Generation;

/// <summary>
/// Provider shares per layer per generator choice id, as given by a preset or a shares file
/// (<c>{"dns": {"cloudflare": 0.235, ...}, "cdn": {...}, ...}</c>): each listed choice gets its share; what is left of a
/// layer is spread over the choices not listed, in proportion to their default weights (<see cref="ProviderShares"/>).
/// A generator given a share set allocates by quota (<see cref="QuotaAllocation"/>), so the shares are exact.
/// </summary>
public sealed class ProviderShareSet
{
    /// <summary>The shares-file tolerance on a layer's sum, for decimal fractions that do not add up exactly in binary.</summary>
    private const double Tolerance = 1e-9;

    private static readonly Dictionary<string, (string Id, int Weight)[]> Defaults = new(StringComparer.Ordinal)
    {
        ["tld"] = ProviderShares.Tlds,
        ["registrar"] = ProviderShares.Registrars,
        ["dns"] = ProviderShares.Dns,
        ["cdn"] = ProviderShares.Cdn,
        ["hosting"] = ProviderShares.Hosting,
        ["ca"] = ProviderShares.CertificateAuthorities,
        ["mail"] = ProviderShares.Mail,
    };

    private readonly Dictionary<string, Dictionary<string, double>> _given;

    private ProviderShareSet(string name, Dictionary<string, Dictionary<string, double>> given)
    {
        Name = name;
        _given = given;
    }

    /// <summary>The layers a shares file may name (<c>tls</c> is accepted for <c>ca</c>).</summary>
    public static IReadOnlyList<string> Layers { get; } = ["tld", "registrar", "dns", "cdn", "hosting", "ca", "mail"];

    /// <summary>The built-in presets: <c>default</c> (the default weights) and <see cref="Top100K2020"/>.</summary>
    public static IReadOnlyList<string> Presets { get; } = ["default", Top100K2020Name];

    /// <summary>The name of the preset reproducing the 2020 top-100K measurement.</summary>
    public const string Top100K2020Name = "top100k-2020";

    /// <summary>The preset's name, or the shares file's path.</summary>
    public string Name { get; }

    /// <summary>The default weights, allocated by quota.</summary>
    public static ProviderShareSet Default { get; } = new("default", []);

    /// <summary>
    /// The shares published for the Alexa top 100K of 2020 (Kashaf, Sekar, Agarwal, "Analyzing Third Party Service
    /// Dependencies in Modern Web Services", IMC 2020; counts from the authors' released data as collected in
    /// /shared/reference/MEASUREMENT.md). See docs/world-format.md for what it reproduces and what it does not.
    /// </summary>
    public static ProviderShareSet Top100K2020 { get; } = new(Top100K2020Name, new(StringComparer.Ordinal)
    {
        // DNS, per 100,000 sites: 73,041 use a third party, so 26,959 are private (self-hosted nameservers).
        // Cloudflare 23,525 used; AWS (Route 53) 11,652 used / 11,442 critical: the 210 redundant AWS sites are the
        // NS1 + Route 53 choice; GoDaddy 4,235 used. The remaining 33,629 are spread over the other third-party DNS
        // choices by their default weights.
        ["dns"] = new(StringComparer.Ordinal)
        {
            ["cloudflare"] = 0.23525,
            ["route53"] = 0.11442,
            [ProviderShares.DualDns] = 0.00210,
            ["godaddy"] = 0.04235,
            [ProviderShares.SelfHosted] = 0.26959,
        },

        // CDN, per 100,000 sites: 32,370 use one; CloudFront 10,171, Cloudflare 7,296, Akamai 5,939 used; the other
        // 8,964 are given to the generator's only other CDN (Fastly); 67,630 use none.
        ["cdn"] = new(StringComparer.Ordinal)
        {
            ["cloudfront"] = 0.10171,
            ["cloudflare"] = 0.07296,
            ["akamai"] = 0.05939,
            ["none"] = 0.67630,
        },

        // CA, per 100,000 sites: 78,387 use a third-party CA; DigiCert 25,685, Let's Encrypt 20,908 used. Every
        // generated site serves HTTPS, so the shares are of the 78,387 sites with a CA: DigiCert 25,685 / 78,387 and
        // Let's Encrypt 20,908 / 78,387, split over its two intermediates by their default weights (25 : 10).
        ["ca"] = new(StringComparer.Ordinal)
        {
            ["digicert-g2"] = 25_685d / 78_387,
            ["letsencrypt-r11"] = 20_908d / 78_387 * 25 / 35,
            ["letsencrypt-e5"] = 20_908d / 78_387 * 10 / 35,
        },

        // Hosting is not in the measurement. Shopify's storefronts sit behind Cloudflare (the world announces them from
        // Cloudflare's network), so Shopify sites would add to Cloudflare's measured CDN count: the preset has none.
        ["hosting"] = new(StringComparer.Ordinal) { ["shopify"] = 0 },
    });

    /// <summary>The choice ids of <paramref name="layer"/> (a name of <see cref="Layers"/>).</summary>
    public static IReadOnlyList<string> ChoicesOf(string layer) => [.. Defaults[layer].Select(c => c.Id)];

    /// <summary>A built-in preset by name, or null.</summary>
    public static ProviderShareSet? Preset(string name) => name switch
    {
        "default" => Default,
        Top100K2020Name => Top100K2020,
        _ => null,
    };

    /// <summary>
    /// Every choice of <paramref name="layer"/> with its share: the given ones as given, the rest of the layer spread
    /// over the others by their default weights. The shares sum to 1.
    /// </summary>
    public IReadOnlyList<(string Id, double Share)> Table(string layer)
    {
        var defaults = Defaults[layer];
        var given = _given.GetValueOrDefault(layer) ?? [];
        var rest = 1 - given.Values.Sum();
        var restWeight = defaults.Where(c => !given.ContainsKey(c.Id)).Sum(c => c.Weight);
        return [.. defaults.Select(c => (c.Id, given.TryGetValue(c.Id, out var share) ? share : restWeight == 0 ? 0 : Math.Max(0, rest) * c.Weight / restWeight))];
    }

    /// <summary>
    /// Reads a shares file's text. On an error returns null and one line saying what is wrong (an unknown layer or
    /// id names the valid ones).
    /// </summary>
    /// <param name="json">The file's text.</param>
    /// <param name="name">The file's name, kept as <see cref="Name"/>.</param>
    /// <param name="error">The error line, or null.</param>
    public static ProviderShareSet? Parse(string json, string name, out string? error)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 8 });
        }
        catch (JsonException exception)
        {
            error = $"the shares file is not valid JSON: {exception.Message}";
            return null;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = "the shares file must be a JSON object of layers, e.g. {\"dns\": {\"cloudflare\": 0.235}}";
                return null;
            }

            var given = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
            foreach (var layerProperty in document.RootElement.EnumerateObject())
            {
                var layer = layerProperty.Name == "tls" ? "ca" : layerProperty.Name;
                if (!Defaults.TryGetValue(layer, out var defaults))
                {
                    error = $"unknown layer '{layerProperty.Name}' in the shares file; valid layers: {string.Join(", ", Layers)} (tls is ca)";
                    return null;
                }

                if (given.ContainsKey(layer))
                {
                    error = $"layer '{layer}' is given twice in the shares file (tls and ca are the same layer)";
                    return null;
                }

                if (layerProperty.Value.ValueKind != JsonValueKind.Object)
                {
                    error = $"layer '{layerProperty.Name}' must be an object of choice ids and shares";
                    return null;
                }

                var valid = defaults.Select(c => c.Id).ToList();
                var shares = new Dictionary<string, double>(StringComparer.Ordinal);
                foreach (var choice in layerProperty.Value.EnumerateObject())
                {
                    if (!valid.Contains(choice.Name, StringComparer.Ordinal))
                    {
                        error = $"unknown {layer} choice '{choice.Name}' in the shares file; valid ids: {string.Join(", ", valid)}";
                        return null;
                    }

                    if (shares.ContainsKey(choice.Name))
                    {
                        error = $"{layer} choice '{choice.Name}' is given twice in the shares file";
                        return null;
                    }

                    if (choice.Value.ValueKind != JsonValueKind.Number || !choice.Value.TryGetDouble(out var share) || !double.IsFinite(share) || share is < 0 or > 1)
                    {
                        error = $"the share of {layer} choice '{choice.Name}' must be a number from 0 to 1, not {choice.Value.GetRawText()}";
                        return null;
                    }

                    shares[choice.Name] = share;
                }

                var sum = shares.Values.Sum();
                if (sum > 1 + Tolerance)
                {
                    error = string.Create(CultureInfo.InvariantCulture, $"the {layer} shares sum to {sum:0.######}, more than 1");
                    return null;
                }

                if (shares.Count == valid.Count && sum < 1 - Tolerance)
                {
                    error = string.Create(CultureInfo.InvariantCulture, $"every {layer} choice is listed, so its shares must sum to 1, not {sum:0.######}");
                    return null;
                }

                if (sum < 1 - Tolerance && defaults.Where(c => !shares.ContainsKey(c.Id)).All(c => c.Weight == 0))
                {
                    error = $"the {layer} shares sum to less than 1 and no unlisted choice can take the rest";
                    return null;
                }

                given[layer] = shares;
            }

            error = null;
            return new ProviderShareSet(name, given);
        }
    }
}
