using System.Text;
using System.Text.Json;

namespace Chokepoint.Simulation.Generation;

/// <summary>
/// The known truth of a generated world, as a concentration summary of honest outside-in audits of all its sites
/// would count it: per layer, the sites, those using a third party, those critically dependent, and per owning company
/// (<see cref="ChoiceOwners"/>) its uses and critical counts. Written next to a generated world as
/// <c>&lt;world&gt;.expected.json</c> (see docs/world-format.md).
/// </summary>
/// <param name="World">The world's name.</param>
/// <param name="Sites">The number of generated sites.</param>
/// <param name="Shares">The share set the world was allocated by, or null for dice.</param>
/// <param name="Layers">Per layer name (registration, dns, hosting, cdn, tls, mail) its truth.</param>
public sealed record ExpectedConcentration(string World, int Sites, string? Shares, IReadOnlyDictionary<string, ExpectedLayer> Layers)
{
    /// <summary>The layer names, in report order.</summary>
    public static IReadOnlyList<string> LayerNames { get; } = ["registration", "dns", "hosting", "cdn", "tls", "mail"];

    /// <summary>The truth of <paramref name="generated"/>, from what the generator chose for each site.</summary>
    public static ExpectedConcentration Of(GeneratedWorld generated)
    {
        ArgumentNullException.ThrowIfNull(generated);
        var layers = LayerNames.ToDictionary(name => name, _ => new Tally(), StringComparer.Ordinal);
        foreach (var site in generated.Sites)
        {
            layers["registration"].Add([ChoiceOwners.Registry[site.Tld], ChoiceOwners.Registrar[site.Registrar]], []);
            var dns = ChoiceOwners.Dns[site.Dns];
            layers["dns"].Add(dns, dns.Length > 1 ? dns : []);
            if (site.Cdn == "none")
            {
                layers["hosting"].Add([ChoiceOwners.Hosting[site.Hosting]], []);
                layers["cdn"].Add(ChoiceOwners.HostingFront.TryGetValue(site.Hosting, out var front) ? [front] : [], []);
            }
            else
            {
                layers["hosting"].Hidden();
                layers["cdn"].Add(ChoiceOwners.Cdn[site.Cdn], []);
            }

            layers["tls"].Add([ChoiceOwners.Ca[site.Ca]], []);
            layers["mail"].Add(ChoiceOwners.Mail[site.Mail], []);
        }

        return new ExpectedConcentration(
            generated.World.Name,
            generated.Sites.Count,
            generated.Shares?.Name,
            layers.ToDictionary(p => p.Key, p => p.Value.Build(), StringComparer.Ordinal));
    }

    /// <summary>The truth as indented JSON, companies in id order.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("world", World);
            json.WriteNumber("sites", Sites);
            if (Shares is null)
            {
                json.WriteNull("shares");
            }
            else
            {
                json.WriteString("shares", Shares);
            }

            json.WriteStartObject("layers");
            foreach (var name in LayerNames)
            {
                var layer = Layers[name];
                json.WriteStartObject(name);
                json.WriteNumber("sites", layer.Sites);
                json.WriteNumber("usingThirdParty", layer.UsingThirdParty);
                json.WriteNumber("critical", layer.Critical);
                if (name == "hosting")
                {
                    json.WriteNumber("originHidden", layer.OriginHidden);
                }

                json.WriteStartObject("companies");
                foreach (var (id, company) in layer.Companies.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    json.WriteStartObject(id);
                    json.WriteNumber("uses", company.Uses);
                    json.WriteNumber("critical", company.Critical);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private sealed class Tally
    {
        private readonly Dictionary<string, (int Uses, int Critical)> _companies = new(StringComparer.Ordinal);
        private int _sites;
        private int _using;
        private int _critical;
        private int _hidden;

        /// <summary>One site using <paramref name="owners"/>, of which <paramref name="redundant"/> back each other up.</summary>
        public void Add(IReadOnlyList<string> owners, IReadOnlyList<string> redundant)
        {
            _sites++;
            var used = owners.Distinct(StringComparer.Ordinal).ToList();
            var critical = used.Where(o => !redundant.Contains(o, StringComparer.Ordinal)).ToList();
            _using += used.Count > 0 ? 1 : 0;
            _critical += critical.Count > 0 ? 1 : 0;
            foreach (var owner in used)
            {
                var (uses, crit) = _companies.GetValueOrDefault(owner);
                _companies[owner] = (uses + 1, crit + (critical.Contains(owner, StringComparer.Ordinal) ? 1 : 0));
            }
        }

        public void Hidden()
        {
            _sites++;
            _hidden++;
        }

        public ExpectedLayer Build() => new(_sites, _using, _critical, _hidden,
            _companies.ToDictionary(p => p.Key, p => new ExpectedCompany(p.Value.Uses, p.Value.Critical), StringComparer.Ordinal));
    }
}
