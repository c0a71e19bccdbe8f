using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Chokepoint.Observations.Dns;
using Chokepoint.Observations.Hosting;
using Chokepoint.Observations.Mail;
using Chokepoint.Observations.Page;
using Chokepoint.Observations.Registration;
using Chokepoint.Observations.Tls;
using Chokepoint.Observations.Web;
using Chokepoint.Testing;
using CsCheck;

namespace Chokepoint.Observations.Tests;

/// <summary>
/// Property tests of the reader (CsCheck): arbitrary JSON, and saved files mutated at random, never throw anything
/// but <see cref="ObservationsFormatException"/> and are read in bounded time; generated valid observations are read
/// back to an equal value. Iterations: the counts below in the normal run, <c>CHOKEPOINT_FUZZ_ITERATIONS</c> each for a
/// long run (docs/observations-format.md, "Validation").
/// </summary>
public sealed class ObservationsReaderPropertyTests
{
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(2);

    private static readonly string[] Names =
    [
        "format", "formatVersion", "domain", "collectedAt", "network", "toolVersion", "dataSets", "registration", "tld", "dns",
        "parentNs", "values", "ttl", "nameServers", "host", "addresses", "ip", "asn", "state", "hosts", "name", "role",
        "cnameChain", "http", "url", "headers", "status", "tls", "chain", "subject", "upstreamZones", "zone", "mail", "mx",
        "preference", "page", "resources", "unobserved", "what", "reason", "kind", "provenance", "at", "log", "entries",
        "reportVersion", "layers", "Domain", "x",
    ];

    private static readonly Gen<string> AnyText = Gen.OneOf(
        Gen.String,
        Gen.Const(SiteObservations.FormatMarker),
        Gen.Const("a.org"),
        Gen.Const("2026-01-01T00:00:00+00:00"),
        Gen.Const("127.0.0.1"),
        Gen.Const("timeout"),
        Gen.Const("apex"),
        Gen.Char[(char)0, (char)0x7f].Array[0, 12].Select(chars => new string(chars)));

    private static readonly Gen<JsonNode?> AnyNumber = Gen.OneOf(
        Gen.Int.Select(i => (JsonNode?)JsonValue.Create(i)),
        Gen.Long.Select(l => (JsonNode?)JsonValue.Create(l)),
        Gen.Double.Select(d => double.IsFinite(d) ? (JsonNode?)JsonValue.Create(d) : null),
        Gen.OneOf("1.5", "1e10", "2147483648", "-1", "0", "2", "1e400", "-0", "2.0").Select(text => JsonNode.Parse(text)));

    private static readonly Gen<JsonNode?> AnyJson = Gen.Recursive<JsonNode?>((depth, self) =>
    {
        var text = AnyText.Select(text => (JsonNode?)JsonValue.Create(text));
        var scalar = Gen.OneOf(Gen.Const((JsonNode?)null), Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)), AnyNumber, AnyNumber, text, text, text);
        if (depth >= 5)
        {
            return scalar;
        }

        var list = self.List[0, 4].Select(items => (JsonNode?)new JsonArray([.. items]));
        var members = Gen.Select(Gen.OneOf(Gen.OneOf(Names), Gen.String[0, 6]), self).List[0, 6]
            .Select(pairs =>
            {
                var node = new JsonObject();
                foreach (var (name, value) in pairs)
                {
                    node[name] = value;
                }

                return (JsonNode?)node;
            });
        return Gen.OneOf(scalar, scalar, scalar, scalar, list, members, members);
    });

    [Fact]
    public void Arbitrary_json_is_read_or_refused_with_the_documented_exception()
    {
        // Objects that often carry the marker and a domain, so the shape check is reached, not only the marker rule.
        var roots = Gen.Select(AnyJson, Gen.Bool, Gen.Bool).Select((node, marker, domain) =>
        {
            if (node is JsonObject root)
            {
                if (marker)
                {
                    root["format"] = SiteObservations.FormatMarker;
                }

                if (domain)
                {
                    root["domain"] = "a.org";
                }
            }

            return node?.ToJsonString() ?? "null";
        });

        roots.Sample(ReadOrRefuse, iter: Fuzz.Iterations(300), threads: 1);
    }

    [Fact]
    public void Arbitrary_bytes_are_read_or_refused_with_the_documented_exception()
    {
        Gen.Byte.Array[0, 64].Sample(bytes => ReadOrRefuse(bytes), iter: Fuzz.Iterations(300), threads: 1);
    }

    [Fact]
    public void Saved_files_mutated_at_random_are_read_or_refused_with_the_documented_exception()
    {
        var saved = JsonNode.Parse(ObservationsReaderTests.Saved)!;
        var paths = Paths(saved).ToArray();
        var replace = Gen.Select(Gen.Int[0, paths.Length - 1], AnyJson).Select((index, value) => (Kind: "replace", Index: index, Value: value, Cut: 0));
        var text = ObservationsReaderTests.Saved;
        var cut = Gen.Int[0, text.Length].Select(at => (Kind: "cut", Index: 0, Value: (JsonNode?)null, Cut: at));
        var mutations = Gen.OneOf(replace, replace, replace, replace, cut).Array[1, 3];

        mutations.Sample(steps =>
        {
            var root = saved.DeepClone();
            var cutAt = -1;
            foreach (var step in steps)
            {
                if (step.Kind == "cut")
                {
                    cutAt = step.Cut;
                    continue;
                }

                if (Find(root, paths[step.Index]) is { Parent: { } parent } target)
                {
                    switch (parent)
                    {
                        case JsonArray array:
                            array[array.IndexOf(target)] = step.Value?.DeepClone();
                            break;
                        case JsonObject members:
                            members[target.GetPropertyName()] = step.Value?.DeepClone();
                            break;
                    }
                }
            }

            var json = root.ToJsonString();
            ReadOrRefuse(cutAt >= 0 ? json[..Math.Min(cutAt, json.Length)] : json);
        }, iter: Fuzz.Iterations(300), threads: 1);
    }

    [Fact]
    public void Generated_valid_observations_are_read_back_equal()
    {
        ValidSite.Sample(site =>
        {
            var json = ObservationsJson.Serialize(site);
            var read = ObservationsJson.Read(json);

            Assert.Equal(json, ObservationsJson.Serialize(read));
        }, iter: Fuzz.Iterations(200), threads: 1, print: site => ObservationsJson.Serialize(site));
    }

    private static Gen<T?> Maybe<T>(Gen<T> gen)
        where T : struct => Gen.Select(Gen.Int[0, 3], gen, (coin, value) => coin == 0 ? (T?)null : value);

    private static void ReadOrRefuse(string json) => ReadOrRefuse(Encoding.UTF8.GetBytes(json));

    private static void ReadOrRefuse(byte[] utf8)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            _ = ObservationsJson.Read(utf8);
        }
        catch (ObservationsFormatException error)
        {
            Assert.DoesNotContain('\n', error.Message);
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
        }

        Assert.True(clock.Elapsed < PerInput, $"{clock.Elapsed} to read {utf8.Length} bytes");
    }

    private static IEnumerable<string> Paths(JsonNode node, string path = "")
    {
        yield return path;
        switch (node)
        {
            case JsonObject members:
                foreach (var (name, child) in members)
                {
                    foreach (var inner in child is null ? [path + "/" + name] : Paths(child, path + "/" + name))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray elements:
                for (var i = 0; i < elements.Count; i++)
                {
                    foreach (var inner in Paths(elements[i]!, path + "/" + i.ToString(CultureInfo.InvariantCulture)))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    /// <summary>The node at a path of <see cref="Paths"/>, or null when an earlier mutation took it away.</summary>
    private static JsonNode? Find(JsonNode root, string path)
    {
        var node = root;
        foreach (var step in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node switch
            {
                JsonObject members => members[step],
                JsonArray elements when int.TryParse(step, CultureInfo.InvariantCulture, out var index) && index < elements.Count => elements[index],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    private static readonly Gen<string> Label = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-"], 1, 20]
        .Where(label => !label.StartsWith('-'));

    private static readonly Gen<string> Name = Label.Array[1, 3].Select(labels => string.Join('.', labels) + ".example");

    private static readonly Gen<string> Ip = Gen.OneOf(
        Gen.Byte.Array[4].Select(bytes => new System.Net.IPAddress(bytes).ToString()),
        Gen.Byte.Array[16].Select(bytes => new System.Net.IPAddress(bytes).ToString()));

    private static readonly Gen<string> Text = Gen.String[Gen.Char[' ', '~'], 0, 30];

    private static readonly Gen<DateTimeOffset> Time = Gen.Long[0, 4_000_000_000].Select(seconds => DateTimeOffset.FromUnixTimeSeconds(seconds));

    private static readonly Gen<int?> Ttl = Maybe(Gen.Int[0, int.MaxValue]);

    private static readonly Gen<Provenance?> ProvenanceGen = Gen.Select(Text, Time, (source, at) => new Provenance(source, at)).Null();

    private static readonly Gen<AddressObservation> Address = Gen.Select(Ip, Maybe(Gen.Int[0, int.MaxValue]), Text.Null(), Text.Null(),
        (ip, asn, organization, source) => new AddressObservation { Ip = ip, Asn = asn, AsOrganization = organization, AsnSource = source });

    private static readonly Gen<HostObservation> Host = Gen.Select(Name, Gen.OneOf("apex", "www", "origin", "ocsp", "page", "mx"), Gen.OneOf(Name, Name.Select(n => "_service." + n + ".")).List[0, 3], Address.List[0, 3], Ttl, ProvenanceGen,
        (name, role, chain, addresses, ttl, provenance) => new HostObservation { Name = name, Role = role, CnameChain = chain, Addresses = addresses, Ttl = ttl, Provenance = provenance });

    private static readonly Gen<RecordSetObservation?> NsSet = Gen.Select(Name.Select(n => n + ".").List[0, 3], Ttl, (values, ttl) => new RecordSetObservation { Values = values, Ttl = ttl }).Null();

    private static readonly Gen<DnsObservation?> DnsGen = Gen.Select(NsSet, NsSet, Gen.Select(Name, Gen.Bool, Address.List[0, 2], Gen.OneOf("authoritative", "lame", "unreachable", "unresolved"), Text.Null(),
            (host, atParent, addresses, state, detail) => new NameServerObservation { Host = host, AtParent = atParent, AtChild = !atParent, Addresses = addresses, State = state, Detail = detail }).List[0, 3],
        Maybe(Gen.Bool), Gen.Select(Gen.Byte, Gen.OneOf("issue", "issuewild", "iodef"), Name, (flags, tag, value) => $"{flags} {tag} \"{value}\"").List[0, 2],
        Text.List[0, 2],
        (parent, child, servers, ds, caa, txt) => new DnsObservation
        {
            ParentNs = parent,
            ChildNs = child,
            NameServers = servers,
            DsPresent = ds,
            Soa = new RecordSetObservation { Values = ["ns1.a.example. hostmaster.a.example. 1 7200 3600 1209600 300"], Ttl = 3600 },
            Caa = new RecordSetObservation { Values = caa },
            Txt = new RecordSetObservation { Values = txt },
        }).Null();

    private static readonly Gen<HttpObservation> HttpGen = Gen.Select(Name, Maybe(Gen.Int[100, 599]), Gen.Select(Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz-"], 1, 12], Text).List[0, 4], Ip.Null(),
        (host, status, headers, remote) => new HttpObservation
        {
            Url = $"https://{host}/",
            FinalUrl = $"https://www.{host}/",
            Status = status,
            Redirects = [$"https://www.{host}/"],
            Headers = headers.DistinctBy(h => h.Item1).ToDictionary(h => h.Item1, h => h.Item2),
            RemoteAddress = remote,
        });

    private static readonly Gen<TlsObservation> TlsGen = Gen.Select(Name, Text, Gen.OneOf(Name, Ip, Name.Select(n => "*." + n)).List[0, 4], Time, Gen.Bool, Gen.String[Gen.Char["0123456789ABCDEF"], 1, 32],
        (host, issuer, names, notBefore, valid, serial) => new TlsObservation
        {
            Host = host,
            Valid = valid,
            Protocol = "Tls13",
            Chain = [new CertificateObservation { Subject = "CN=" + host, Issuer = issuer, SubjectAlternativeNames = names, NotBefore = notBefore, NotAfter = notBefore.AddDays(90), OcspUrls = ["http://o.ca.example/"], SerialNumber = serial }],
        });

    private static readonly Gen<MailObservation?> MailGen = Gen.Select(Gen.Select(Gen.Int[0, 65535], Gen.OneOf(Name, Gen.Const(".")), Address.List[0, 2],
            (preference, host, addresses) => new MxObservation { Preference = preference, Host = host, Addresses = addresses }).List[0, 3], Ttl, Name.List[0, 2],
        (mx, ttl, includes) => new MailObservation { Mx = mx, MxTtl = ttl, Spf = "v=spf1 " + string.Join(' ', includes.Select(i => "include:" + i)) + " -all", SpfIncludes = includes }).Null();

    private static readonly Gen<PageObservation?> PageGen = Gen.Select(Gen.Select(Name, Gen.OneOf("script", "image", "stylesheet", "media"), Gen.Bool,
            (host, kind, blocking) => new PageResource { Url = $"https://{host}/x.js", Host = host, Kind = kind, Blocking = blocking }).List[0, 4],
        Gen.Select(Name, Text.Null(), (host, text) => new PageLink { Url = $"https://{host}/p?tag=a-20", Host = host, Text = text }).List[0, 3],
        Gen.Select(Name, Text, Gen.OneOf("DIRECT", "RESELLER"), (system, account, relationship) => new AdsTxtEntry { AdSystem = system, AccountId = account, Relationship = relationship }).List[0, 3],
        Text.List[0, 2],
        (resources, links, ads, notes) => new PageObservation
        {
            Pages = [new PageFetch { Url = "https://a.example/", Status = 200, BytesRead = 100 }],
            Resources = resources,
            Links = links,
            AdsTxt = ads,
            Notes = notes,
        }).Null();

    private static readonly Gen<Unobserved> Gap = Gen.Select(Gen.OneOf(GapKeys.Rdap, GapKeys.DnsNsParent, GapKeys.Tls, GapKeys.Http, GapKeys.MailExchanger, GapKeys.Page), Gen.Enum<GapKind>(), Text, Name,
        (subject, kind, reason, target) => Unobserved.Of(subject, kind, reason, target));

    private static readonly Gen<SiteObservations> ValidSite = Gen.Select(
        Gen.Select(Label, Gen.OneOf("com", "org", "co.uk", "fr"), (label, tld) => (Domain: label.Trim('-', '_') is { Length: > 0 } l ? l + "." + tld : "a." + tld, Tld: tld)),
        Time, DnsGen, Host.List[0, 4], HttpGen.List[0, 2], TlsGen.List[0, 2], MailGen, Gen.Select(PageGen, Gap.List[0, 4], Text)).Select(
        (domain, collected, dns, hosts, http, tls, mail, rest) => new SiteObservations
        {
            Domain = domain.Domain,
            CollectedAt = collected,
            Network = "demo",
            ToolVersion = rest.Item3,
            Registration = new RegistrationObservation { Tld = domain.Tld, RegistrarName = rest.Item3, Status = ["active"], NameServers = ["ns1.a.example"] },
            Dns = dns,
            Hosts = hosts,
            Http = http,
            Tls = tls,
            UpstreamZones = [new ZoneObservation { Zone = "cdn.example", Names = ["x.cdn.example"], NameServers = ["ns1.cdn.example"] }],
            Mail = mail,
            Page = rest.Item1,
            Unobserved = rest.Item2,
        });
}
