using System.Net;
using Chokepoint.Observations.Hosting;

namespace Chokepoint.Collection.Asn;

/// <summary>
/// Turns an IP address into an <see cref="AddressObservation"/> with its origin AS: from the IP-to-ASN data set when
/// one is loaded, else from Team Cymru's DNS service when allowed, else with the reason it is missing.
/// </summary>
public sealed class AddressAnnotator(AsnDatabase? database, CymruAsnLookup? cymru, string? missingReason = null)
{
    /// <summary>An annotator that looks nothing up.</summary>
    public static AddressAnnotator None { get; } = new(null, null, "no IP-to-ASN data set loaded");

    /// <summary>Describes <paramref name="address"/>; never throws for lookup trouble.</summary>
    public async Task<AddressObservation> DescribeAsync(IPAddress address, CancellationToken cancellationToken)
    {
        var ip = address.ToString();
        if (database?.Lookup(address) is { } match)
        {
            return new AddressObservation { Ip = ip, Asn = match.Asn, AsOrganization = match.Organization, AsnSource = database.Source };
        }

        if (cymru is not null && await cymru.LookupAsync(address, cancellationToken) is { } remote)
        {
            return new AddressObservation { Ip = ip, Asn = remote.Asn, AsOrganization = remote.Organization, AsnSource = CymruAsnLookup.Source };
        }

        var reason = database is not null ? $"not in {database.Source}" : missingReason ?? "no IP-to-ASN data set loaded";
        return new AddressObservation { Ip = ip, AsnSource = reason };
    }

    /// <summary>Describes each address, in order.</summary>
    public async Task<List<AddressObservation>> DescribeAllAsync(IEnumerable<IPAddress> addresses, CancellationToken cancellationToken) =>
        [.. await Task.WhenAll(addresses.Distinct().Select(a => DescribeAsync(a, cancellationToken)))];
}
