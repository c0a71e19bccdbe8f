using System.Globalization;
using System.Text;
using Chokepoint.Naming;

namespace Chokepoint.Attribution.Catalog;

/// <summary>An observed or pattern value in the normal form its kind is compared in.</summary>
internal sealed record SignalValue(string Text, string[] HostLabels, string? HeaderName, string? HeaderValue, string[] Parameters)
{
    /// <summary>Normalises a value of a kind; returns null with a reason when it cannot be a value of that kind.</summary>
    public static SignalValue? Normalize(SignalKind kind, string value, out string error)
    {
        error = string.Empty;
        var text = (value ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            error = "the value is empty";
            return null;
        }

        switch (kind)
        {
            case SignalKind.Asn:
                var digits = text.StartsWith("as", StringComparison.OrdinalIgnoreCase) ? text[2..].Trim() : text;
                if (!uint.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var asn))
                {
                    error = $"'{text}' is not an AS number";
                    return null;
                }

                return Plain(asn.ToString(CultureInfo.InvariantCulture));
            case SignalKind.RegistrarIana:
                if (!uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var iana))
                {
                    error = $"'{text}' is not an IANA registrar id";
                    return null;
                }

                return Plain(iana.ToString(CultureInfo.InvariantCulture));
            case SignalKind.Issuer:
                return Plain(CollapseSpaces(text.ToLowerInvariant()));
            case SignalKind.RegistrarName:
                return Plain(NormalizeRegistrarName(text));
            case SignalKind.Tld:
                return Plain(HostName.Normalize(text.TrimStart('.')));
            case SignalKind.Header:
                var colon = text.IndexOf(':', StringComparison.Ordinal);
                var name = (colon < 0 ? text : text[..colon]).Trim().ToLowerInvariant();
                var headerValue = colon < 0 ? null : text[(colon + 1)..].Trim().ToLowerInvariant();
                if (name.Length == 0 || name.Any(char.IsWhiteSpace))
                {
                    error = $"'{text}' is not a header; give 'Name' or 'Name: value'";
                    return null;
                }

                return new SignalValue(headerValue is null ? name : $"{name}: {headerValue}", [], name, headerValue, []);
            case SignalKind.AffiliateParam:
                return Affiliate(text, out error);
            default:
                return Host(text, out error);
        }
    }

    /// <summary>Registrar names compare case-insensitively with punctuation turned into spaces and spaces collapsed.</summary>
    public static string NormalizeRegistrarName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        return CollapseSpaces(builder.ToString());
    }

    private static SignalValue Plain(string text) => new(text, [], null, null, []);

    private static SignalValue? Host(string text, out string error)
    {
        var host = text;
        if (host.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(host, UriKind.Absolute, out var uri))
        {
            host = uri.Host;
        }

        if (!HostName.TryNormalize(host, out var normalized) || normalized.Length == 0)
        {
            error = $"'{text}' is not a host name";
            return null;
        }

        var labels = normalized.Split('.');
        if (Array.Exists(labels, l => l.Length == 0) || normalized.Any(c => char.IsWhiteSpace(c) || c is '/' or '?' or '#' or '@'))
        {
            error = $"'{text}' is not a host name";
            return null;
        }

        error = string.Empty;
        return new SignalValue(normalized, labels, null, null, []);
    }

    private static SignalValue? Affiliate(string text, out string error)
    {
        string host;
        string query;
        if (text.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            host = uri.Host;
            query = uri.Query.TrimStart('?');
        }
        else
        {
            var mark = text.IndexOf('?', StringComparison.Ordinal);
            host = mark < 0 ? text : text[..mark];
            query = mark < 0 ? string.Empty : text[(mark + 1)..];
            var slash = host.IndexOf('/', StringComparison.Ordinal);
            host = slash < 0 ? host : host[..slash];
        }

        var parameters = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => (p.Contains('=', StringComparison.Ordinal) ? p[..p.IndexOf('=', StringComparison.Ordinal)] : p).Trim().ToLowerInvariant())
            .Where(p => p.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var parsedHost = Host(host, out error);
        if (parsedHost is null)
        {
            return null;
        }

        if (parameters.Length == 0)
        {
            error = $"'{text}' names no query parameter; give 'host?parameter'";
            return null;
        }

        return new SignalValue($"{parsedHost.Text}?{string.Join('&', parameters)}", parsedHost.HostLabels, null, null, parameters);
    }

    private static string CollapseSpaces(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
