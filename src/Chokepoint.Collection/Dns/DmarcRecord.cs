using Chokepoint.Naming;

namespace Chokepoint.Collection.Dns;

/// <summary>Reads who receives a domain's DMARC reports (the hosts of the rua and ruf mailto: URIs).</summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc7489#section-6.3">RFC 7489 section 6.3: DMARC tags</seealso>
public static class DmarcRecord
{
    /// <summary>True for the text of a DMARC record ("v=DMARC1" first).</summary>
    public static bool IsDmarc(string text) =>
        text.TrimStart().StartsWith("v=DMARC1", StringComparison.OrdinalIgnoreCase);

    /// <summary>The domains of the mailto: addresses in rua and ruf, in order, lowercased, without duplicates.</summary>
    public static List<string> ReportReceivers(string record)
    {
        var hosts = new List<string>();
        foreach (var tag in record.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = tag.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                continue;
            }

            var name = tag[..equals].Trim();
            if (!name.Equals("rua", StringComparison.OrdinalIgnoreCase) && !name.Equals("ruf", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var uri in tag[(equals + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!uri.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var address = uri["mailto:".Length..];
                var bang = address.IndexOf('!', StringComparison.Ordinal);
                if (bang >= 0)
                {
                    address = address[..bang];
                }

                var at = address.LastIndexOf('@');
                var host = at >= 0 ? HostName.Normalize(address[(at + 1)..]) : "";
                if (host.Length > 0 && !hosts.Contains(host))
                {
                    hosts.Add(host);
                }
            }
        }

        return hosts;
    }
}
