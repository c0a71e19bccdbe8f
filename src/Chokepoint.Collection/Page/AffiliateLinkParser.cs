using System.Collections.Frozen;

namespace Chokepoint.Collection.Page;

/// <summary>
/// Recognises affiliate accounts in outbound links: Amazon Associates, Awin, Rakuten, CJ, ShareASale, Impact
/// (and the retailer programs it runs: Walmart, Target, Best Buy), eBay Partner Network, Booking.com, Skimlinks,
/// ClickBank and Etsy. Hosts are matched by whole DNS labels, never by substring, so
/// <c>amazon.com.evil.example</c> is not Amazon.
/// </summary>
/// <seealso href="https://github.com/nextdns/click-tracking-domains/blob/main/domains">NextDNS list of affiliate click-tracking domains (CJ, Awin, Rakuten, ShareASale, Skimlinks, Impact's 7eer.net, evyy.net, ojrq.net, pxf.io; goto.target.com as an Impact CNAME).</seealso>
/// <seealso href="https://developers.cj.com/">CJ Affiliate developer portal.</seealso>
public static class AffiliateLinkParser
{
    /// <summary>Amazon marketplace domains (amazon.&lt;suffix&gt;), from the Associates programs' country sites.</summary>
    /// <seealso href="https://affiliate-program.amazon.com/"/>
    private static readonly FrozenSet<string> AmazonSuffixes = new[]
    {
        "com", "ca", "com.mx", "com.br", "co.uk", "de", "fr", "it", "es", "nl", "se", "pl", "com.be", "com.tr",
        "ae", "sa", "eg", "in", "co.jp", "sg", "com.au", "cn", "ie", "co.za",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>CJ Affiliate's click-tracking domains.</summary>
    private static readonly string[] CjDomains = ["anrdoezrs.net", "dpbolvw.net", "jdoqocy.com", "kqzyfj.com", "tkqlhce.com", "emjcd.com"];

    /// <summary>Impact's generic tracking domains (advertisers get a subdomain of one of them).</summary>
    private static readonly string[] ImpactDomains = ["sjv.io", "pxf.io", "7eer.net", "evyy.net", "ojrq.net"];

    /// <summary>Finds the affiliate account a URL carries, or null when it carries none that is recognised.</summary>
    public static AffiliateAccount? Parse(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        if (UrlHost.Of(url) is not { } host)
        {
            return null;
        }

        if (IsAmazon(host) || IsUnder(host, "amzn.to") || IsUnder(host, "amzn.com"))
        {
            return FromQuery(url, "Amazon Associates", "tag");
        }

        if (IsUnder(host, "awin1.com"))
        {
            return FromQuery(url, "Awin", "awinaffid");
        }

        if (IsUnder(host, "linksynergy.com"))
        {
            return FromQuery(url, "Rakuten Advertising", "id");
        }

        if (CjDomains.Any(domain => IsUnder(host, domain)))
        {
            return FromCjPath(url);
        }

        if (IsUnder(host, "shareasale.com"))
        {
            return FromQuery(url, "ShareASale", "u", "userid", "afftrack");
        }

        if (host == "goto.walmart.com")
        {
            return FromImpactPath(url, "Walmart Affiliates (Impact)");
        }

        if (host == "goto.target.com")
        {
            return FromImpactPath(url, "Target Partners (Impact)");
        }

        if (IsUnder(host, "bestbuy.7tiv.net"))
        {
            return FromImpactPath(url, "Best Buy Affiliates (Impact)");
        }

        if (ImpactDomains.Any(domain => IsUnder(host, domain) && host != domain))
        {
            return FromImpactPath(url, "Impact");
        }

        if (host == "rover.ebay.com" || IsEbay(host))
        {
            return FromQuery(url, "eBay Partner Network", "campid");
        }

        if (IsUnder(host, "booking.com"))
        {
            return FromQuery(url, "Booking.com Affiliate Partner Programme", "aid");
        }

        if (IsUnder(host, "skimresources.com"))
        {
            return FromQuery(url, "Skimlinks", "id");
        }

        if (IsUnder(host, "hop.clickbank.net"))
        {
            return FromClickBank(url, host);
        }

        if (IsUnder(host, "etsy.com"))
        {
            return FromEtsy(url);
        }

        return null;
    }

    /// <summary>Parses a URL string; null when it is not an absolute http(s) URL or carries no known account.</summary>
    public static AffiliateAccount? Parse(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? Parse(uri) : null;

    /// <summary>True when <paramref name="host"/> is <paramref name="domain"/> or a subdomain of it (whole labels).</summary>
    internal static bool IsUnder(string host, string domain) =>
        host.Length == domain.Length
            ? string.Equals(host, domain, StringComparison.Ordinal)
            : host.Length > domain.Length
              && host.EndsWith(domain, StringComparison.Ordinal)
              && host[host.Length - domain.Length - 1] == '.';

    private static bool IsAmazon(string host) => HasSiteLabel(host, "amazon", AmazonSuffixes);

    private static bool IsEbay(string host) =>
        HasSiteLabel(host, "ebay", AmazonSuffixes) || HasSiteLabel(host, "ebay", EbayExtraSuffixes);

    private static readonly FrozenSet<string> EbayExtraSuffixes = new[] { "at", "ch", "com.au", "com.hk", "com.my", "ph" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True when the host is <c>[sub.]label.suffix</c> for one of the suffixes.</summary>
    private static bool HasSiteLabel(string host, string label, FrozenSet<string> suffixes)
    {
        var labels = host.Split('.');
        for (var i = labels.Length - 2; i >= 0; i--)
        {
            if (labels[i] == label)
            {
                return suffixes.Contains(string.Join('.', labels, i + 1, labels.Length - i - 1));
            }
        }

        return false;
    }

    private static AffiliateAccount? FromQuery(Uri url, string program, params string[] parameters)
    {
        var query = QueryParameters(url);
        foreach (var parameter in parameters)
        {
            foreach (var (name, value) in query)
            {
                if (string.Equals(name, parameter, StringComparison.OrdinalIgnoreCase) && value.Length > 0)
                {
                    return new AffiliateAccount(program, parameter, value);
                }
            }
        }

        return null;
    }

    /// <summary>CJ links carry the publisher id in the path: <c>/click-PID-AID</c> or <c>/links/PID/type/dlg/...</c>.</summary>
    private static AffiliateAccount? FromCjPath(Uri url)
    {
        var segments = PathSegments(url);
        if (segments.Length >= 2 && segments[0].Equals("links", StringComparison.OrdinalIgnoreCase) && IsDigits(segments[1]))
        {
            return new AffiliateAccount("CJ Affiliate", "path:links", segments[1]);
        }

        if (segments.Length >= 1 && segments[0].StartsWith("click-", StringComparison.OrdinalIgnoreCase))
        {
            var parts = segments[0].Split('-');
            if (parts.Length >= 2 && IsDigits(parts[1]))
            {
                return new AffiliateAccount("CJ Affiliate", "path:click", parts[1]);
            }
        }

        return FromQuery(url, "CJ Affiliate", "pid");
    }

    /// <summary>Impact links carry the partner id in the path: <c>/c/PARTNER/AD/CAMPAIGN</c>.</summary>
    private static AffiliateAccount? FromImpactPath(Uri url, string program)
    {
        var segments = PathSegments(url);
        if (segments.Length >= 2 && segments[0].Equals("c", StringComparison.OrdinalIgnoreCase) && IsDigits(segments[1]))
        {
            return new AffiliateAccount(program, "path:c", segments[1]);
        }

        return FromQuery(url, program, "irpid");
    }

    /// <summary>ClickBank hoplinks: <c>AFFILIATE.VENDOR.hop.clickbank.net</c> or <c>hop.clickbank.net/?affiliate=...</c>.</summary>
    private static AffiliateAccount? FromClickBank(Uri url, string host)
    {
        var labels = host[..^"hop.clickbank.net".Length].TrimEnd('.');
        if (labels.Length > 0)
        {
            var first = labels.Split('.')[0];
            if (labels.Contains('.', StringComparison.Ordinal))
            {
                return new AffiliateAccount("ClickBank", "host", first);
            }
        }

        return FromQuery(url, "ClickBank", "affiliate");
    }

    /// <summary>Etsy affiliate traffic arrives through Awin with <c>utm_source=affiliate_window</c>.</summary>
    private static AffiliateAccount? FromEtsy(Uri url)
    {
        var query = QueryParameters(url);
        var source = query.FirstOrDefault(p => p.Name.Equals("utm_source", StringComparison.OrdinalIgnoreCase)).Value;
        if (source is null || !source.StartsWith("affiliate", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var content = query.FirstOrDefault(p => p.Name.Equals("utm_content", StringComparison.OrdinalIgnoreCase)).Value;
        return string.IsNullOrEmpty(content)
            ? new AffiliateAccount("Etsy Affiliates", "utm_source", source)
            : new AffiliateAccount("Etsy Affiliates", "utm_content", content);
    }

    private static List<(string Name, string Value)> QueryParameters(Uri url)
    {
        var result = new List<(string, string)>();
        var query = url.Query.AsSpan().TrimStart('?');
        foreach (var range in query.Split('&'))
        {
            var pair = query[range];
            if (pair.IsEmpty)
            {
                continue;
            }

            var equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? [] : pair[(equals + 1)..];
            result.Add((Unescape(name), Unescape(value)));
        }

        return result;
    }

    private static string Unescape(ReadOnlySpan<char> value) => Uri.UnescapeDataString(value.ToString().Replace('+', ' '));

    private static string[] PathSegments(Uri url) => url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);

    private static bool IsDigits(string value) => value.Length > 0 && value.All(char.IsAsciiDigit);
}
