using System.Globalization;
using System.Text.Json;
using Chokepoint.Observations.Registration;
using Chokepoint.Naming;

namespace Chokepoint.Collection.Rdap;

/// <summary>
/// Reads the facts attribution needs from an RDAP domain object: registrar (name, IANA ID, abuse contact), registrant
/// (organisation, name, handle, and whether it was withheld), status, life-cycle events, nameservers and DNSSEC
/// delegation. Pure: no I/O, never throws for bad input.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc9083">RFC 9083: JSON Responses for RDAP</seealso>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc9537">RFC 9537: Redacted Fields in RDAP</seealso>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc7095">RFC 7095: jCard</seealso>
public static class RdapDomainParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    /// <summary>Parses a domain response; the TLD is taken from the last label of its ldhName.</summary>
    public static RdapDomainParseResult Parse(string json) => Parse(json, tld: null);

    /// <summary>Parses a domain response, recording <paramref name="tld"/> as the suffix it is registered under.</summary>
    public static RdapDomainParseResult Parse(string json, string? tld)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return RdapDomainParseResult.Failed("empty RDAP response");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException exception)
        {
            return RdapDomainParseResult.Failed($"RDAP response is not valid JSON: {exception.Message}");
        }

        using (document)
        {
            return ParseRoot(document.RootElement, tld);
        }
    }

    private static RdapDomainParseResult ParseRoot(JsonElement root, string? tld)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return RdapDomainParseResult.Failed("RDAP response is not a JSON object");
        }

        if (Property(root, "errorCode") is { } errorCode)
        {
            var title = String(Property(root, "title"));
            var description = Property(root, "description") is { ValueKind: JsonValueKind.Array } lines
                ? string.Join(" ", lines.EnumerateArray().Select(l => String(l)).Where(s => !string.IsNullOrEmpty(s)))
                : null;
            var code = errorCode.ValueKind == JsonValueKind.Number ? errorCode.GetRawText() : String(errorCode);
            var text = string.Join(": ", new[] { title, description }.Where(s => !string.IsNullOrWhiteSpace(s)));
            return RdapDomainParseResult.Failed(
                text.Length == 0 ? $"RDAP error {code}" : $"RDAP error {code}: {text}");
        }

        var objectClass = String(Property(root, "objectClassName"));
        if (objectClass is not null && !objectClass.Equals("domain", StringComparison.OrdinalIgnoreCase))
        {
            return RdapDomainParseResult.Failed($"RDAP response describes a {objectClass}, not a domain");
        }

        var domain = Normalise(String(Property(root, "ldhName")) ?? String(Property(root, "unicodeName")));
        if (domain is null && objectClass is null)
        {
            return RdapDomainParseResult.Failed("RDAP response has neither objectClassName nor ldhName");
        }

        var registrar = FindEntity(Entities(root), "registrar");
        var abuse = registrar is { } r ? FindEntity(Entities(r), "abuse") : null;
        abuse ??= FindEntity(Entities(root), "abuse");

        var registration = new RegistrationObservation
        {
            Tld = tld ?? LastLabel(domain) ?? "",
            RegistrarName = registrar is { } named ? RegistrarName(named) : null,
            RegistrarIanaId = registrar is { } withIds ? IanaId(withIds) : null,
            RegistrarAbuseEmail = abuse is { } a ? VcardValue(a, "email") : null,
            Status = Strings(Property(root, "status")),
            Created = EventDate(root, "registration"),
            Expires = EventDate(root, "expiration"),
            LastChanged = EventDate(root, "last changed"),
            NameServers = NameServers(root),
            DelegationSigned = DelegationSigned(root),
            Registrant = FindEntity(Entities(root), "registrant") is { } registrant ? Registrant(root, registrant) : null,
        };

        return new RdapDomainParseResult
        {
            Domain = domain,
            Registration = registration,
            RegistrarRdapUrl = RelatedDomainLink(root),
        };
    }

    /// <summary>
    /// The last property of that name, compared without case (some registries write "secureDns"; duplicated
    /// members resolve to the last one, as JSON readers conventionally do).
    /// </summary>
    private static JsonElement? Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        JsonElement? found = null;
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                found = property.Value;
            }
        }

        return found;
    }

    private static string? String(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.String } value ? Text(value) : null;

    /// <summary>
    /// The string's text, or null when it cannot be decoded: an escaped unpaired surrogate ("\ud800") is valid JSON
    /// syntax but no text (RFC 8259 section 8.2), and <see cref="JsonElement.GetString"/> throws for it.
    /// </summary>
    private static string? Text(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static List<string> Strings(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Select(e => String(e)).OfType<string>().Where(s => s.Length > 0).ToList()
            : [];

    private static IEnumerable<JsonElement> Entities(JsonElement owner) =>
        Property(owner, "entities") is { ValueKind: JsonValueKind.Array } entities
            ? entities.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)
            : [];

    /// <summary>Breadth-first: an entity at the top level wins over one nested deeper.</summary>
    private static JsonElement? FindEntity(IEnumerable<JsonElement> entities, string role)
    {
        var queue = new Queue<(JsonElement Entity, int Depth)>(entities.Select(e => (e, 0)));
        while (queue.Count > 0)
        {
            var (entity, depth) = queue.Dequeue();
            if (Strings(Property(entity, "roles")).Any(r => r.Equals(role, StringComparison.OrdinalIgnoreCase)))
            {
                return entity;
            }

            if (depth < 8)
            {
                foreach (var child in Entities(entity))
                {
                    queue.Enqueue((child, depth + 1));
                }
            }
        }

        return null;
    }

    private static string? RegistrarName(JsonElement registrar) =>
        VcardValue(registrar, "fn") ?? VcardValue(registrar, "org") ?? String(Property(registrar, "handle"));

    /// <summary>
    /// The registrant entity's organisation, name and handle, each as published unless it is a placeholder for a
    /// withheld value ("REDACTED FOR PRIVACY", ICANN's RDAP Response Profile section 2.7.4.1), which is recorded as
    /// <see cref="RegistrantObservation.Redacted"/> and never as a value.
    /// </summary>
    /// <seealso href="https://www.icann.org/en/system/files/files/rdap-response-profile-21feb24-en.pdf">ICANN RDAP Response Profile (2024)</seealso>
    private static RegistrantObservation Registrant(JsonElement root, JsonElement entity)
    {
        var withheld = RegistrantWithheld(root, entity);
        string? Published(string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (IsPlaceholder(value))
            {
                withheld = true;
                return null;
            }

            return value.Trim();
        }

        return new RegistrantObservation
        {
            Organisation = Published(VcardValue(entity, "org")),
            Name = Published(VcardValue(entity, "fn")),
            Handle = Published(String(Property(entity, "handle"))),
            Redacted = withheld,
        };
    }

    /// <summary>A remark of the entity saying data was removed, or an RFC 9537 "redacted" member naming a registrant field.</summary>
    private static bool RegistrantWithheld(JsonElement root, JsonElement entity)
    {
        var remarked = Property(entity, "remarks") is { ValueKind: JsonValueKind.Array } remarks
            && remarks.EnumerateArray().Any(remark => IsPlaceholder(String(Property(remark, "title")) ?? ""));
        var declared = Property(root, "redacted") is { ValueKind: JsonValueKind.Array } redacted
            && redacted.EnumerateArray().Any(field => Property(field, "name") is { } name
                && (String(Property(name, "type")) ?? String(Property(name, "description")) ?? "").Contains("registrant", StringComparison.OrdinalIgnoreCase));
        return remarked || declared;
    }

    /// <summary>Text put in place of withheld data ("REDACTED FOR PRIVACY", "Redacted", "EMAIL REDACTED FOR PRIVACY").</summary>
    private static bool IsPlaceholder(string value) => value.Contains("redacted", StringComparison.OrdinalIgnoreCase);

    private static int? IanaId(JsonElement registrar)
    {
        if (Property(registrar, "publicIds") is not { ValueKind: JsonValueKind.Array } ids)
        {
            return null;
        }

        foreach (var id in ids.EnumerateArray())
        {
            var type = String(Property(id, "type"));
            if (type is not null
                && type.Equals("IANA Registrar ID", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(String(Property(id, "identifier")), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The first non-empty text value of a jCard property (RFC 7095: [name, params, type, value]).</summary>
    private static string? VcardValue(JsonElement entity, string name)
    {
        if (Property(entity, "vcardArray") is not { ValueKind: JsonValueKind.Array } vcard
            || vcard.GetArrayLength() < 2
            || vcard[1].ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var item in vcard[1].EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Array || item.GetArrayLength() < 4)
            {
                continue;
            }

            if (String(item[0]) is { } itemName && itemName.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                var value = FirstText(item[3])?.Trim();
                if (!string.IsNullOrEmpty(value))
                {
                    return value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? value[7..] : value;
                }
            }
        }

        return null;
    }

    private static string? FirstText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => Text(value),
        JsonValueKind.Array => value.EnumerateArray().Select(FirstText).FirstOrDefault(s => !string.IsNullOrWhiteSpace(s)),
        _ => null,
    };

    private static DateTimeOffset? EventDate(JsonElement root, string action)
    {
        if (Property(root, "events") is not { ValueKind: JsonValueKind.Array } events)
        {
            return null;
        }

        foreach (var item in events.EnumerateArray())
        {
            if (String(Property(item, "eventAction")) is { } itemAction
                && itemAction.Equals(action, StringComparison.OrdinalIgnoreCase)
                && DateTimeOffset.TryParse(
                    String(Property(item, "eventDate")),
                    CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                    out var date))
            {
                return date;
            }
        }

        return null;
    }

    private static List<string> NameServers(JsonElement root)
    {
        if (Property(root, "nameservers") is not { ValueKind: JsonValueKind.Array } nameServers)
        {
            return [];
        }

        return nameServers.EnumerateArray()
            .Select(ns => Normalise(String(Property(ns, "ldhName")) ?? String(Property(ns, "unicodeName"))))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static bool? DelegationSigned(JsonElement root) =>
        Property(root, "secureDNS") is { } secure && Property(secure, "delegationSigned") is { } signed
            ? signed.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => null,
            }
            : null;

    private static Uri? RelatedDomainLink(JsonElement root)
    {
        if (Property(root, "links") is not { ValueKind: JsonValueKind.Array } links)
        {
            return null;
        }

        foreach (var link in links.EnumerateArray())
        {
            var rel = String(Property(link, "rel"));
            var type = String(Property(link, "type"));
            var href = String(Property(link, "href"));
            if (rel is not null && rel.Equals("related", StringComparison.OrdinalIgnoreCase)
                && (type is null || type.Contains("rdap", StringComparison.OrdinalIgnoreCase))
                && Uri.TryCreate(href, UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                && uri.AbsolutePath.Contains("/domain/", StringComparison.OrdinalIgnoreCase))
            {
                return uri;
            }
        }

        return null;
    }

    private static string? Normalise(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : HostName.Normalize(name);

    private static string? LastLabel(string? domain) =>
        domain is null ? null : domain[(domain.LastIndexOf('.') + 1)..];
}
