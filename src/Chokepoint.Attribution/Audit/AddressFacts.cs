using Chokepoint.Model;
using Chokepoint.Observations.Hosting;

namespace Chokepoint.Attribution.Audit;

/// <summary>Observed addresses as the report's <see cref="NetworkAddress"/>.</summary>
internal static class AddressFacts
{
    public static NetworkAddress Of(AddressObservation address) =>
        new() { Ip = address.Ip, Asn = address.Asn, AsOrganization = address.AsOrganization };
}
