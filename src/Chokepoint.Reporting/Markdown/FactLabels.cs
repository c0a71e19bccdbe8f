using System.Globalization;
using Chokepoint.Model;

namespace Chokepoint.Reporting.Markdown;

/// <summary>
/// The words for a dependency's typed facts, shared by the views: the only place where registrar status, TTLs,
/// certificate automation, CAA, page uses and ads.txt sellers become text.
/// </summary>
internal static class FactLabels
{
    /// <summary>One line per fact, e.g. "transfer locked" or "CAA: none published (any CA may issue)".</summary>
    public static IReadOnlyList<string> Lines(Dependency dependency)
    {
        var lines = new List<string>();
        if (dependency.Facts is not { } facts)
        {
            return lines;
        }

        if (facts.Registrar is { } registrar)
        {
            if (registrar.StatusCodes.Count > 0)
            {
                lines.Add("status: " + string.Join(", ", registrar.StatusCodes));
            }

            if (registrar.TransferLocked is { } locked)
            {
                lines.Add(locked ? "transfer locked" : "not transfer locked");
            }

            if (registrar.OnHold)
            {
                lines.Add("on hold: the domain is not delegated and does not resolve");
            }

            AddDate(lines, "expires", registrar.Expires);
            AddDate(lines, "last changed", registrar.LastChanged);
        }

        if (facts.Delegation is { } delegation)
        {
            AddTtl(lines, "parent NS TTL", delegation.ParentNsTtl);
            lines.AddRange(delegation.NameServers.Select(NameServer));
        }

        if (facts.Upstream is { } upstream)
        {
            lines.Add("for " + Purpose(upstream) + ": " + string.Join(", ", upstream.Names));
            AddTtl(lines, "zone NS TTL", upstream.ZoneNsTtl);
        }

        foreach (var certificate in facts.Certificates ?? [])
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{certificate.Host}: {certificate.Issuer}, valid {certificate.NotBefore:yyyy-MM-dd} to {certificate.NotAfter:yyyy-MM-dd} ({certificate.ValidityDays} days)"));
            lines.Add("automated issuance " + (certificate.Automation.Likely ? "likely" : "unlikely")
                + (certificate.Automation.Reason == AutomationReason.ShortValidity ? " (short validity)" : " (long validity)"));
            lines.Add("OCSP stapled: " + certificate.OcspStapled switch { true => "yes", false => "no", null => "not observed" });
            if (certificate.ValidationErrors.Count > 0)
            {
                lines.Add("does not validate: " + string.Join("; ", certificate.ValidationErrors));
            }
        }

        if (facts.Caa is { } caa)
        {
            lines.Add("CAA: " + (!caa.Observed ? "not observed" : caa.NonePublished ? "none published (any CA may issue)" : string.Join(", ", caa.Issuers)));
        }

        lines.AddRange((facts.Hosts ?? []).Select(Host));
        lines.AddRange((facts.PageUses ?? []).Select(use => $"loads {use.Kind.ToWord()}{(use.Blocking ? " (render-blocking)" : "")} {use.Url}"));
        lines.AddRange((facts.Links ?? []).Select(link => $"link {link.Url}" + (link.Text is null ? "" : $" \"{link.Text}\"") + (link.Account is null ? "" : $" (account {link.Account})")));
        lines.AddRange((facts.Exchangers ?? []).Select(mx => string.Create(CultureInfo.InvariantCulture, $"MX {mx.Preference} {mx.Host}")));
        lines.AddRange((facts.Sellers ?? []).Select(seller => $"ads.txt seller {seller.AccountId} {seller.Relationship.ToWord().ToUpperInvariant()}"));
        if (facts.ExposedOrigins is { Count: > 0 } origins)
        {
            lines.Add("the origin answers outside the CDN: " + string.Join("; ", origins.Select(Host))
                + " (it can be attacked around the proxy, and it can serve readers directly if the CDN withdraws)");
        }

        return lines;
    }

    /// <summary>"CNAME target of www.example.com", "mail exchanger", "OCSP responder ocsp.ca.example".</summary>
    public static string Purpose(UpstreamFacts upstream) => upstream.Reason switch
    {
        UpstreamReason.Cname => "CNAME target of " + string.Join(" and ", upstream.For),
        UpstreamReason.Mx => "mail exchanger",
        _ => "OCSP responder " + string.Join(" and ", upstream.For),
    };

    private static string NameServer(NameServerFacts nameServer)
    {
        var where = nameServer switch
        {
            { AtParent: true, AtChild: true } => "parent and child",
            { AtParent: true } => "parent only",
            { AtChild: true } => "child only",
            _ => "listed",
        };
        var addresses = string.Join(" ", nameServer.Addresses.Select(Address));
        return $"nameserver {nameServer.Host}: {nameServer.State.ToWord()}; {where}" + (addresses.Length > 0 ? "; " + addresses : "")
            + (nameServer.Detail is null ? "" : "; " + nameServer.Detail);
    }

    private static string Host(HostUse use) =>
        use.CnameTarget is { } target ? $"{use.Host} CNAME {target}"
        : use.Address is { } address ? $"{use.Host} -> {Address(address)}"
        : use.Header is { } header ? $"{use.Url ?? use.Host}: {header}"
        : use.Host;

    private static string Address(NetworkAddress address) =>
        address.Asn is { } asn
            ? string.Create(CultureInfo.InvariantCulture, $"{address.Ip} (AS{asn}{(address.AsOrganization is null ? "" : " " + address.AsOrganization)})")
            : address.Ip;

    private static void AddDate(List<string> lines, string label, DateTimeOffset? date)
    {
        if (date is { } value)
        {
            lines.Add(label + " " + value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }

    private static void AddTtl(List<string> lines, string label, int? seconds)
    {
        if (seconds is { } ttl)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{label} {ttl} s"));
        }
    }
}
