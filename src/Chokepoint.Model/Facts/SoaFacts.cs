using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>The zone's SOA record as served: who runs it (MNAME, RNAME) and its timers.</summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1035#section-3.3.13">RFC 1035 section 3.3.13: SOA</seealso>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc2308#section-4">RFC 2308 section 4: the negative-caching TTL</seealso>
public sealed record SoaFacts
{
    /// <summary>MNAME: the primary nameserver the zone names.</summary>
    [JsonPropertyName("primaryNameServer")]
    public required string PrimaryNameServer { get; init; }

    /// <summary>RNAME: the zone's contact mailbox, in DNS form (hostmaster.example.org).</summary>
    [JsonPropertyName("responsibleMailbox")]
    public required string ResponsibleMailbox { get; init; }

    [JsonPropertyName("serial")]
    public long Serial { get; init; }

    [JsonPropertyName("refresh")]
    public long Refresh { get; init; }

    [JsonPropertyName("retry")]
    public long Retry { get; init; }

    [JsonPropertyName("expire")]
    public long Expire { get; init; }

    /// <summary>How long resolvers keep a "does not exist" answer (the negative-caching TTL).</summary>
    [JsonPropertyName("minimum")]
    public long Minimum { get; init; }

    /// <summary>TTL of the SOA record itself, in seconds.</summary>
    [JsonPropertyName("ttl")]
    public int? Ttl { get; init; }

    /// <summary>The SOA from its presentation form ("mname rname serial refresh retry expire minimum"), or null when it is not one.</summary>
    public static SoaFacts? Parse(string? text, int? ttl)
    {
        var fields = text?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (fields.Length != 7)
        {
            return null;
        }

        var numbers = new long[5];
        for (var i = 0; i < 5; i++)
        {
            if (!long.TryParse(fields[i + 2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out numbers[i]) || numbers[i] > uint.MaxValue)
            {
                return null;
            }
        }

        return new SoaFacts
        {
            PrimaryNameServer = fields[0].TrimEnd('.').ToLowerInvariant(),
            ResponsibleMailbox = fields[1].TrimEnd('.').ToLowerInvariant(),
            Serial = numbers[0],
            Refresh = numbers[1],
            Retry = numbers[2],
            Expire = numbers[3],
            Minimum = numbers[4],
            Ttl = ttl,
        };
    }
}
