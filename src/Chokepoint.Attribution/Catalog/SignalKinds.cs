namespace Chokepoint.Attribution.Catalog;

/// <summary>The words for <see cref="SignalKind"/> used in data files and on the command line.</summary>
public static class SignalKinds
{
    private static readonly (string Word, SignalKind Kind)[] Words =
    [
        ("ns", SignalKind.Ns),
        ("cname", SignalKind.Cname),
        ("mx", SignalKind.Mx),
        ("spf", SignalKind.Spf),
        ("asn", SignalKind.Asn),
        ("issuer", SignalKind.Issuer),
        ("ocsp", SignalKind.Ocsp),
        ("header", SignalKind.Header),
        ("registrar-iana", SignalKind.RegistrarIana),
        ("registrar-name", SignalKind.RegistrarName),
        ("tld", SignalKind.Tld),
        ("resource-domain", SignalKind.ResourceDomain),
        ("ads-seller", SignalKind.AdsSeller),
        ("link-domain", SignalKind.LinkDomain),
        ("affiliate-param", SignalKind.AffiliateParam),
    ];

    /// <summary>Every data-file word, in declaration order.</summary>
    public static IReadOnlyList<string> DataWords { get; } = [.. Words.Select(w => w.Word)];

    /// <summary>The data-file word for a kind, e.g. <c>registrar-iana</c>.</summary>
    public static string ToWord(SignalKind kind)
    {
        foreach (var (word, k) in Words)
        {
            if (k == kind)
            {
                return word;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown signal kind");
    }

    /// <summary>
    /// Parses a data-file word (<c>ns</c>, <c>registrar-iana</c>, ...) case-insensitively. Also accepts the command-line
    /// shorthands <c>ip</c> and <c>as</c> (both mean <see cref="SignalKind.Asn"/>: an address is attributed through its
    /// AS), <c>registrar</c> (<see cref="SignalKind.RegistrarName"/>; an all-digit value is an IANA id, see
    /// <see cref="Identifier"/>), <c>registry</c> (<see cref="SignalKind.Tld"/>), <c>resource</c>, <c>link</c>,
    /// <c>affiliate</c> and <c>ads</c>.
    /// </summary>
    public static bool TryParse(string? word, out SignalKind kind)
    {
        kind = default;
        var text = (word ?? string.Empty).Trim().ToLowerInvariant();
        foreach (var (w, k) in Words)
        {
            if (w == text)
            {
                kind = k;
                return true;
            }
        }

        SignalKind? alias = text switch
        {
            "ip" or "as" => SignalKind.Asn,
            "registrar" => SignalKind.RegistrarName,
            "registry" => SignalKind.Tld,
            "resource" => SignalKind.ResourceDomain,
            "link" => SignalKind.LinkDomain,
            "affiliate" => SignalKind.AffiliateParam,
            "ads" or "ads.txt" => SignalKind.AdsSeller,
            _ => null,
        };
        kind = alias.GetValueOrDefault();
        return alias is not null;
    }

    /// <summary>True for kinds whose values are host names matched label by label.</summary>
    public static bool IsHostKind(SignalKind kind) => kind is SignalKind.Ns or SignalKind.Cname or SignalKind.Mx
        or SignalKind.Spf or SignalKind.Ocsp or SignalKind.ResourceDomain or SignalKind.AdsSeller or SignalKind.LinkDomain;
}
