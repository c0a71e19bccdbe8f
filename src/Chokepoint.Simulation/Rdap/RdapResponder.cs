using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chokepoint.Simulation.Web;
using Chokepoint.Simulation.World;

namespace Chokepoint.Simulation.Rdap;

/// <summary>
/// Answers RDAP queries from the world: the DNS bootstrap file, registry domain lookups and registrar domain
/// lookups, shaped as real registries answer, with the faults of "rdap:TLD" (or "rdap:REGISTRAR-ID") applied.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc9083">RFC 9083: RDAP JSON responses</seealso>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc9082">RFC 9082: RDAP query format</seealso>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc7484">RFC 7484: RDAP bootstrap</seealso>
internal sealed class RdapResponder(World.World world, TimeProvider timeProvider)
{
    public const string RdapContentType = "application/rdap+json";

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly FaultIndex _faults = new(world);
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);

    /// <summary>Requests received so far, per path (query string excluded).</summary>
    public IReadOnlyDictionary<string, int> Requests => new Dictionary<string, int>(_requests, StringComparer.Ordinal);

    /// <summary>"http://127.0.0.1:PORT", set once the listener is bound.</summary>
    public string Origin { get; set; } = "";

    public string RegistryBase(string tld) => $"{Origin}/rdap/{tld.ToLowerInvariant()}/";

    public string RegistrarBase(string registrarId) => $"{Origin}/registrar-rdap/{Uri.EscapeDataString(registrarId)}/";

    public async ValueTask<HttpResponse> RespondAsync(HttpRequestContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        _requests.AddOrUpdate(request.Path, 1, (_, n) => n + 1);
        if (request.Method is not ("GET" or "HEAD"))
        {
            return Error(405, "Method Not Allowed", "Only GET and HEAD are supported.").WithHeader("allow", "GET, HEAD");
        }

        var segments = request.Path.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        return segments switch
        {
            ["bootstrap", "dns.json"] => Json(200, Bootstrap(), "application/json"),
            ["rdap", var tld, "domain", var name] => await RegistryAsync(tld, Normalize(name), cancellationToken),
            ["registrar-rdap", var registrarId, "domain", var name] => await RegistrarAsync(registrarId, Normalize(name), cancellationToken),
            _ => Error(404, "Not Found", "The requested path is not served here."),
        };
    }

    private async ValueTask<HttpResponse> RegistryAsync(string tld, string name, CancellationToken cancellationToken)
    {
        var registry = world.Registries.FirstOrDefault(r => string.Equals(r.Tld.Trim('.'), tld, StringComparison.OrdinalIgnoreCase));
        if (registry is null)
        {
            return Error(404, "Not Found", $"This server has no registry for '{tld}'.");
        }

        var fault = await ApplyFaultsAsync(["rdap:" + registry.Tld.Trim('.')], cancellationToken);
        if (fault is { } faulted && faulted.Status != 200)
        {
            return faulted;
        }

        var domain = FindDomain(name);
        if (domain is null || !name.EndsWith("." + registry.Tld.Trim('.'), StringComparison.OrdinalIgnoreCase))
        {
            return Error(404, "Not Found", $"The domain name '{name}' is not registered.");
        }

        var self = RegistryBase(registry.Tld.Trim('.')) + "domain/" + domain.Name.ToLowerInvariant();
        var registrar = world.Registrars.FirstOrDefault(r => r.Id == domain.Registrar);
        var related = registrar is { RdapHost.Length: > 0 } ? RegistrarBase(registrar.Id) + "domain/" + domain.Name.ToLowerInvariant() : null;
        var answer = DomainObject(domain, registry.Tld.Trim('.'), registrar, self, related, registry.RdapHost);
        return fault is not null ? InvalidJson(answer) : Json(200, answer, RdapContentType);
    }

    private async ValueTask<HttpResponse> RegistrarAsync(string registrarId, string name, CancellationToken cancellationToken)
    {
        var registrar = world.Registrars.FirstOrDefault(r => r.Id == registrarId && !string.IsNullOrEmpty(r.RdapHost));
        if (registrar is null)
        {
            return Error(404, "Not Found", $"This server has no registrar RDAP service '{registrarId}'.");
        }

        var fault = await ApplyFaultsAsync(["rdap:" + registrar.Id, "rdap:" + registrar.RdapHost], cancellationToken);
        if (fault is { } faulted && faulted.Status != 200)
        {
            return faulted;
        }

        var domain = FindDomain(name);
        if (domain is null || domain.Registrar != registrar.Id)
        {
            return Error(404, "Not Found", $"The domain name '{name}' is not sponsored by this registrar.");
        }

        var self = RegistrarBase(registrar.Id) + "domain/" + domain.Name.ToLowerInvariant();
        var tld = domain.Name.TrimEnd('.')[(domain.Name.TrimEnd('.').LastIndexOf('.') + 1)..];
        var answer = DomainObject(domain, tld, registrar, self, related: null, registrar.RdapHost!);
        return fault is not null ? InvalidJson(answer) : Json(200, answer, RdapContentType);
    }

    /// <summary>Waits out "delay"; returns a 404/429/503 answer, a 200 placeholder for "rdap-invalid-json", or null.</summary>
    private async ValueTask<HttpResponse?> ApplyFaultsAsync(string[] targets, CancellationToken cancellationToken)
    {
        Fault? Find(string kind) => targets.Select(t => _faults.Find(t, kind)).FirstOrDefault(f => f is not null);

        if (Find(FaultKinds.Delay) is { DelayMs: > 0 } delay)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(delay.DelayMs), timeProvider, cancellationToken);
        }

        if (Find(FaultKinds.Rdap429) is { } limited)
        {
            var seconds = Math.Max(1, (limited.DelayMs + 999) / 1000);
            return Error(429, "Too Many Requests", "Query rate limit exceeded.")
                .WithHeader("retry-after", seconds.ToString(CultureInfo.InvariantCulture));
        }

        if (Find(FaultKinds.Rdap404) is not null)
        {
            return Error(404, "Not Found", "The object does not exist.");
        }

        if (Find(FaultKinds.Rdap503) is not null)
        {
            return Error(503, "Service Unavailable", "The service is temporarily unavailable.");
        }

        return Find(FaultKinds.RdapInvalidJson) is not null ? new HttpResponse(200) : null;
    }

    private Domain? FindDomain(string name) =>
        world.Domains.FirstOrDefault(d => string.Equals(d.Name.TrimEnd('.'), name, StringComparison.OrdinalIgnoreCase));

    private static string Normalize(string name) => name.Trim().TrimEnd('.').ToLowerInvariant();

    private JsonObject DomainObject(Domain domain, string tld, Registrar? registrar, string self, string? related, string serviceHost)
    {
        var links = new JsonArray { Link(self, "self", self) };
        if (related is not null)
        {
            links.Add(Link(self, "related", related));
        }

        var events = new JsonArray
        {
            Event("registration", domain.Created),
            Event("expiration", domain.Expires),
        };
        if (domain.Updated is { } updated)
        {
            events.Add(Event("last changed", updated));
        }

        events.Add(Event("last update of RDAP database", timeProvider.GetUtcNow()));

        var nameservers = new JsonArray();
        foreach (var nameserver in domain.NameServers)
        {
            nameservers.Add(new JsonObject { ["objectClassName"] = "nameserver", ["ldhName"] = nameserver.TrimEnd('.').ToLowerInvariant() });
        }

        var answer = new JsonObject
        {
            ["objectClassName"] = "domain",
            ["handle"] = Handle(domain.Name, tld),
            ["ldhName"] = domain.Name.TrimEnd('.').ToLowerInvariant(),
            ["links"] = links,
            ["status"] = new JsonArray([.. domain.Status.Select(s => (JsonNode)JsonValue.Create(RdapStatus.FromEpp(s)))]),
            ["entities"] = new JsonArray { RegistrarEntity(domain, registrar), RegistrantEntity(domain.Registrant) },
            ["events"] = events,
            ["secureDNS"] = new JsonObject { ["delegationSigned"] = domain.Ds },
            ["nameservers"] = nameservers,
            ["rdapConformance"] = new JsonArray("rdap_level_0", "icann_rdap_technical_implementation_guide_0", "icann_rdap_response_profile_0"),
            ["notices"] = new JsonArray
            {
                Notice("Terms of Use", "Service subject to Terms of Use.", $"https://{serviceHost}/terms-of-use"),
                Notice("Status Codes", "For more information on domain status codes, please visit https://icann.org/epp", "https://icann.org/epp"),
            },
        };
        if (domain.Registrant is not { Redacted: false })
        {
            // RFC 9537: the fields removed, by name, as ICANN's 2024 response profile has registries list them.
            answer["redacted"] = new JsonArray(
                Redacted("Registrant Name", "$.entities[?(@.roles[0]=='registrant')].vcardArray[1][?(@[0]=='fn')]"),
                Redacted("Registrant Organization", "$.entities[?(@.roles[0]=='registrant')].vcardArray[1][?(@[0]=='org')]"));
        }

        return answer;
    }

    /// <summary>
    /// The registrant as registries show it since ICANN's Registration Data Policy: its organisation, name and
    /// handle when published, else an entity that says it was withheld (ICANN RDAP Response Profile 2024, 2.7.4).
    /// </summary>
    private static JsonObject RegistrantEntity(Registrant? registrant)
    {
        var entity = new JsonObject { ["objectClassName"] = "entity" };
        if (registrant is { Redacted: false })
        {
            if (registrant.Handle.Length > 0)
            {
                entity["handle"] = registrant.Handle;
            }

            var properties = new JsonArray
            {
                new JsonArray("version", new JsonObject(), "text", "4.0"),
                new JsonArray("fn", new JsonObject(), "text", registrant.Name.Length > 0 ? registrant.Name : registrant.Organization),
                new JsonArray("kind", new JsonObject(), "text", "org"),
            };
            if (registrant.Organization.Length > 0)
            {
                properties.Add(new JsonArray("org", new JsonObject(), "text", registrant.Organization));
            }

            entity["vcardArray"] = new JsonArray("vcard", properties);
        }
        else
        {
            entity["remarks"] = new JsonArray
            {
                new JsonObject { ["title"] = "REDACTED FOR PRIVACY", ["type"] = "object redacted due to authorization", ["description"] = new JsonArray("Some of the data in this object has been removed.") },
            };
            entity["vcardArray"] = new JsonArray("vcard", new JsonArray
            {
                new JsonArray("version", new JsonObject(), "text", "4.0"),
                new JsonArray("fn", new JsonObject(), "text", ""),
            });
        }

        entity["roles"] = new JsonArray("registrant");
        return entity;
    }

    private static JsonObject Redacted(string name, string path) => new()
    {
        ["name"] = new JsonObject { ["type"] = name },
        ["prePath"] = path,
        ["method"] = "removal",
        ["reason"] = new JsonObject { ["type"] = "Server policy" },
    };

    private static JsonObject RegistrarEntity(Domain domain, Registrar? registrar)
    {
        var entity = new JsonObject
        {
            ["objectClassName"] = "entity",
            ["handle"] = registrar is null ? domain.Registrar : registrar.IanaId.ToString(CultureInfo.InvariantCulture),
            ["roles"] = new JsonArray("registrar"),
        };
        if (registrar is null)
        {
            entity["vcardArray"] = VCard(domain.Registrar, email: null);
            return entity;
        }

        entity["publicIds"] = new JsonArray
        {
            new JsonObject { ["type"] = "IANA Registrar ID", ["identifier"] = registrar.IanaId.ToString(CultureInfo.InvariantCulture) },
        };
        entity["vcardArray"] = VCard(registrar.Name, email: null);
        if (!string.IsNullOrEmpty(registrar.AbuseEmail))
        {
            entity["entities"] = new JsonArray
            {
                new JsonObject
                {
                    ["objectClassName"] = "entity",
                    ["roles"] = new JsonArray("abuse"),
                    ["vcardArray"] = VCard("", registrar.AbuseEmail),
                },
            };
        }

        return entity;
    }

    /// <seealso href="https://www.rfc-editor.org/rfc/rfc7095">RFC 7095: jCard</seealso>
    private static JsonArray VCard(string fullName, string? email)
    {
        var properties = new JsonArray
        {
            new JsonArray("version", new JsonObject(), "text", "4.0"),
            new JsonArray("fn", new JsonObject(), "text", fullName),
        };
        if (email is not null)
        {
            properties.Add(new JsonArray("email", new JsonObject(), "text", email));
        }

        return new JsonArray("vcard", properties);
    }

    private static JsonObject Link(string value, string rel, string href) => new()
    {
        ["value"] = value,
        ["rel"] = rel,
        ["href"] = href,
        ["type"] = RdapContentType,
    };

    private static JsonObject Event(string action, DateTimeOffset date) => new()
    {
        ["eventAction"] = action,
        ["eventDate"] = date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
    };

    private static JsonObject Notice(string title, string description, string href) => new()
    {
        ["title"] = title,
        ["description"] = new JsonArray(description),
        ["links"] = new JsonArray { new JsonObject { ["href"] = href, ["type"] = "text/html" } },
    };

    // A registry object identifier in the style of EPP ROIDs ("2138514_DOMAIN_COM-VRSN").
    private static string Handle(string name, string tld)
    {
        var hash = 2166136261u;
        foreach (var character in name.TrimEnd('.').ToLowerInvariant())
        {
            hash = (hash ^ character) * 16777619u;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{hash % 100_000_000}_DOMAIN_{tld.ToUpperInvariant()}-SIM");
    }

    private JsonObject Bootstrap()
    {
        var services = new JsonArray();
        foreach (var registry in world.Registries)
        {
            var tld = registry.Tld.Trim('.').ToLowerInvariant();
            services.Add(new JsonArray(new JsonArray(tld), new JsonArray(RegistryBase(tld))));
        }

        return new JsonObject
        {
            ["description"] = "RDAP bootstrap file for Domain Name System registrations (simulated)",
            ["publication"] = timeProvider.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["services"] = services,
            ["version"] = "1.0",
        };
    }

    private static HttpResponse Error(int status, string title, string description) =>
        Json(status, new JsonObject
        {
            ["errorCode"] = status,
            ["title"] = title,
            ["description"] = new JsonArray(description),
            ["rdapConformance"] = new JsonArray("rdap_level_0"),
        }, RdapContentType);

    private static HttpResponse Json(int status, JsonObject body, string contentType) =>
        new HttpResponse(status) { Body = Encoding.UTF8.GetBytes(body.ToJsonString(JsonOptions)) }
            .WithHeader("content-type", contentType)
            .WithHeader("access-control-allow-origin", "*");

    private static HttpResponse InvalidJson(JsonObject answer)
    {
        var text = answer.ToJsonString(JsonOptions);
        return new HttpResponse(200) { Body = Encoding.UTF8.GetBytes(text[..(text.Length / 2)]) }
            .WithHeader("content-type", RdapContentType);
    }
}
