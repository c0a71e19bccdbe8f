using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Chokepoint.Planning.Zones;

/// <summary>
/// Reads an RFC 1035 master file: <c>$ORIGIN</c>, <c>$TTL</c> (RFC 2308), comments, parentheses across lines,
/// relative names, <c>@</c>, an omitted owner (the previous one), TTL and class in either order, quoted strings
/// with escapes. Entries that cannot be read are returned as errors, not thrown.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1035#section-5">RFC 1035 section 5</seealso>
public static class ZoneFileParser
{
    /// <summary>Parses master-file text.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="origin">Origin before any <c>$ORIGIN</c>, or null.</param>
    /// <param name="defaultTtl">TTL for records without one before any <c>$TTL</c> or earlier TTL.</param>
    public static ZoneFileParseResult Parse(string text, string? origin = null, uint defaultTtl = 3600)
    {
        ArgumentNullException.ThrowIfNull(text);
        var state = new State { Origin = origin is null ? null : ZoneRecord.Absolute(origin), LastTtl = defaultTtl };
        var records = new List<ZoneRecord>();
        var errors = new List<ZoneParseError>();

        foreach (var entry in MasterFileTokenizer.Tokenize(text))
        {
            if (entry.Error is not null)
            {
                errors.Add(new ZoneParseError(entry.Line, entry.Error));
                continue;
            }

            var error = entry.Tokens[0] is { Quoted: false } first && first.Raw.StartsWith('$') && !entry.StartsWithBlank
                ? Directive(entry.Tokens, state)
                : Record(entry, state, records);
            if (error is not null)
            {
                errors.Add(new ZoneParseError(entry.Line, error));
            }
        }

        return new ZoneFileParseResult(state.Origin, state.DollarTtl, records, errors);
    }

    /// <summary>Parses a TTL: seconds, or BIND-style units such as "1h30m" or "2d".</summary>
    public static bool TryParseTtl(string text, out uint seconds)
    {
        seconds = 0;
        if (text.Length == 0 || !char.IsAsciiDigit(text[0]))
        {
            return false;
        }

        if (text.All(char.IsAsciiDigit))
        {
            return uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out seconds);
        }

        ulong total = 0;
        ulong number = 0;
        var hasDigits = false;
        foreach (var c in text.ToUpperInvariant())
        {
            if (char.IsAsciiDigit(c))
            {
                number = (number * 10) + (ulong)(c - '0');
                hasDigits = true;
                if (number > uint.MaxValue)
                {
                    return false;
                }

                continue;
            }

            ulong unit = c switch { 'S' => 1, 'M' => 60, 'H' => 3600, 'D' => 86400, 'W' => 604800, _ => 0 };
            if (unit == 0 || !hasDigits)
            {
                return false;
            }

            total += number * unit;
            number = 0;
            hasDigits = false;
        }

        if (hasDigits || total > uint.MaxValue)
        {
            return false;
        }

        seconds = (uint)total;
        return true;
    }

    private static string? Directive(IReadOnlyList<MasterFileTokenizer.Token> tokens, State state)
    {
        var name = tokens[0].Raw.ToUpperInvariant();
        switch (name)
        {
            case "$ORIGIN" when tokens.Count >= 2:
                var origin = ResolveName(tokens[1].Raw, state.Origin);
                if (origin is null)
                {
                    return $"relative $ORIGIN '{tokens[1].Raw}' without an origin";
                }

                state.Origin = origin;
                return null;
            case "$TTL" when tokens.Count >= 2:
                if (!TryParseTtl(tokens[1].Raw, out var ttl))
                {
                    return $"invalid $TTL '{tokens[1].Raw}'";
                }

                state.DollarTtl = ttl;
                state.LastTtl = ttl;
                return null;
            default:
                return $"unsupported directive '{tokens[0].Raw}'";
        }
    }

    private static string? Record(MasterFileTokenizer.Entry entry, State state, List<ZoneRecord> records)
    {
        var tokens = entry.Tokens;
        var index = 0;
        string? owner;
        if (entry.StartsWithBlank)
        {
            owner = state.LastOwner;
            if (owner is null)
            {
                return "record without an owner and no previous owner";
            }
        }
        else
        {
            owner = ResolveName(tokens[0].Raw, state.Origin);
            if (owner is null)
            {
                return $"relative name '{tokens[0].Raw}' without an origin";
            }

            index = 1;
        }

        uint? ttl = null;
        ZoneRecordType? type = null;
        while (index < tokens.Count && type is null)
        {
            var raw = tokens[index].Raw;
            if (ttl is null && TryParseTtl(raw, out var parsed))
            {
                ttl = parsed;
            }
            else if (raw.ToUpperInvariant() is "IN")
            {
                // The only class the writer and the plan use.
            }
            else if (raw.ToUpperInvariant() is "CH" or "HS" or "CS")
            {
                return $"class {raw} is not supported";
            }
            else if (raw.All(char.IsAsciiLetterOrDigit) && !char.IsAsciiDigit(raw[0]) && Enum.TryParse<ZoneRecordType>(raw, ignoreCase: true, out var t))
            {
                type = t;
            }
            else
            {
                return $"unsupported or invalid record type '{raw}'";
            }

            index++;
        }

        if (type is null)
        {
            return "record without a type";
        }

        state.LastOwner = owner;
        var effectiveTtl = ttl ?? state.DollarTtl ?? state.LastTtl;
        if (ttl is not null && state.DollarTtl is null)
        {
            state.LastTtl = ttl.Value;
        }

        var rdata = tokens.Skip(index).ToList();
        var (data, error) = Rdata(type.Value, rdata, state.Origin);
        if (error is not null)
        {
            return $"{type} {owner}: {error}";
        }

        records.Add(new ZoneRecord(owner, effectiveTtl, type.Value, data!));
        return null;
    }

    private static (string? Data, string? Error) Rdata(ZoneRecordType type, List<MasterFileTokenizer.Token> rdata, string? origin)
    {
        (string?, string?) Expect(int count) => rdata.Count == count ? (null, null) : (null, $"expected {count} fields, found {rdata.Count}");

        switch (type)
        {
            case ZoneRecordType.A:
            case ZoneRecordType.AAAA:
            {
                if (rdata.Count != 1)
                {
                    return Expect(1);
                }

                var family = type == ZoneRecordType.A ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6;
                return IPAddress.TryParse(rdata[0].Raw, out var ip) && ip.AddressFamily == family
                    ? (ip.ToString(), null)
                    : (null, $"invalid address '{rdata[0].Raw}'");
            }

            case ZoneRecordType.CNAME:
            case ZoneRecordType.NS:
            {
                if (rdata.Count != 1)
                {
                    return Expect(1);
                }

                var name = ResolveName(rdata[0].Raw, origin);
                return name is null ? (null, "relative name without an origin") : (name, null);
            }

            case ZoneRecordType.MX:
            {
                if (rdata.Count != 2)
                {
                    return Expect(2);
                }

                if (!ushort.TryParse(rdata[0].Raw, NumberStyles.None, CultureInfo.InvariantCulture, out var preference))
                {
                    return (null, $"invalid preference '{rdata[0].Raw}'");
                }

                var exchange = ResolveName(rdata[1].Raw, origin);
                return exchange is null
                    ? (null, "relative name without an origin")
                    : (string.Create(CultureInfo.InvariantCulture, $"{preference} {exchange}"), null);
            }

            case ZoneRecordType.TXT:
            {
                if (rdata.Count == 0)
                {
                    return (null, "TXT needs at least one string");
                }

                var bytes = new List<byte>();
                foreach (var token in rdata)
                {
                    var decoded = CharacterStrings.Unescape(token.Raw);
                    if (decoded is null)
                    {
                        return (null, $"invalid escape in '{token.Raw}'");
                    }

                    if (decoded.Length > CharacterStrings.MaxBytes)
                    {
                        return (null, $"string of {decoded.Length} bytes exceeds {CharacterStrings.MaxBytes}");
                    }

                    bytes.AddRange(decoded);
                }

                return (Encoding.UTF8.GetString(bytes.ToArray()), null);
            }

            case ZoneRecordType.CAA:
            {
                if (rdata.Count != 3)
                {
                    return Expect(3);
                }

                if (!byte.TryParse(rdata[0].Raw, NumberStyles.None, CultureInfo.InvariantCulture, out var flags))
                {
                    return (null, $"invalid flags '{rdata[0].Raw}' (0-255)");
                }

                var value = CharacterStrings.Unescape(rdata[2].Raw);
                return value is null
                    ? (null, "invalid escape in value")
                    : (string.Create(CultureInfo.InvariantCulture, $"{flags} {rdata[1].Raw.ToLowerInvariant()} {Encoding.UTF8.GetString(value)}"), null);
            }

            case ZoneRecordType.SOA:
            {
                if (rdata.Count != 7)
                {
                    return Expect(7);
                }

                var mname = ResolveName(rdata[0].Raw, origin);
                var rname = ResolveName(rdata[1].Raw, origin);
                if (mname is null || rname is null)
                {
                    return (null, "relative name without an origin");
                }

                var numbers = new uint[5];
                for (var n = 0; n < 5; n++)
                {
                    if (!TryParseTtl(rdata[n + 2].Raw, out numbers[n]))
                    {
                        return (null, $"invalid number '{rdata[n + 2].Raw}'");
                    }
                }

                return (string.Create(CultureInfo.InvariantCulture, $"{mname} {rname} {string.Join(' ', numbers)}"), null);
            }

            default:
                return (null, "unsupported type");
        }
    }

    private static string? ResolveName(string raw, string? origin)
    {
        if (raw == "@")
        {
            return origin;
        }

        var bytes = CharacterStrings.Unescape(raw);
        var name = bytes is null ? raw : Encoding.UTF8.GetString(bytes);
        if (raw.EndsWith('.') && !raw.EndsWith("\\.", StringComparison.Ordinal))
        {
            return name.ToLowerInvariant();
        }

        return origin is null ? null : $"{name.ToLowerInvariant()}.{origin}";
    }

    private sealed class State
    {
        public string? Origin { get; set; }

        public uint? DollarTtl { get; set; }

        public uint LastTtl { get; set; }

        public string? LastOwner { get; set; }
    }
}
