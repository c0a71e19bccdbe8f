using Chokepoint.Collection.Asn;
using Chokepoint.Observations;
using Chokepoint.Observations.Hosting;
using DnsClient;
using DnsClient.Protocol;

namespace Chokepoint.Collection.Dns;

/// <summary>
/// Resolves a host name the site serves from: its CNAME chain, A and AAAA addresses (with origin AS) and the
/// smallest TTL along the answer. A and AAAA are asked concurrently.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1034#section-3.6.2">RFC 1034 section 3.6.2: aliases</seealso>
public sealed class HostCollector(DnsLookup dns, AddressAnnotator annotator)
{
    /// <summary>
    /// Resolves <paramref name="host"/>. A name that does not exist gives a host with no addresses; a failed lookup
    /// gives no host and an <see cref="Unobserved"/> about <see cref="GapKeys.ForHost"/> of the role, and so does a
    /// CNAME loop (<see cref="GapKind.Malformed"/>) or a chain longer than <see cref="AliasChain.MaxLength"/>
    /// (<see cref="GapKind.Bounded"/>), with the chain in the reason.
    /// </summary>
    public async Task<Collected<HostObservation>> CollectAsync(string host, string role, CancellationToken cancellationToken)
    {
        host = DnsPresentation.Host(host);
        var a = dns.QueryAsync(host, QueryType.A, cancellationToken);
        var aaaa = dns.QueryAsync(host, QueryType.AAAA, cancellationToken);
        await Task.WhenAll(a, aaaa);
        if (!a.Result.Succeeded && !aaaa.Result.Succeeded)
        {
            return new Collected<HostObservation> { Unobserved = [a.Result.GapFor(GapKeys.ForHost(role), host, host)] };
        }

        var gaps = new List<Unobserved>();
        foreach (var (answer, type) in new[] { (a.Result, "A"), (aaaa.Result, "AAAA") })
        {
            if (!answer.Succeeded)
            {
                gaps.Add(answer.GapFor(GapKeys.ForHost(role, type), host, $"{host} {type}"));
            }
        }

        var records = new[] { a.Result, aaaa.Result }
            .Where(r => r.Succeeded)
            .SelectMany(r => r.Response!.Answers)
            .ToList();
        var aliases = AliasChain.Follow(host, records);
        if (aliases.Problem is { } problem)
        {
            // A loop or a runaway chain never reaches an address: the name cannot resolve, which is not "no addresses".
            return new Collected<HostObservation> { Unobserved = [Unobserved.Of(GapKeys.ForHost(role), aliases.ProblemKind!.Value, problem, host), .. gaps] };
        }

        var chain = aliases.Targets.ToList();
        var end = aliases.End(host);
        var addresses = records.OfType<AddressRecord>()
            .Where(r => DnsPresentation.SameName(r.DomainName.Value, end))
            .Select(r => r.Address)
            .Distinct()
            .ToList();
        var first = a.Result.Succeeded ? a.Result : aaaa.Result;
        return new Collected<HostObservation>
        {
            Value = new HostObservation
            {
                Name = host,
                Role = role,
                CnameChain = chain,
                Addresses = await annotator.DescribeAllAsync(addresses, cancellationToken),
                Ttl = records.Count == 0 ? null : records.Min(r => r.InitialTimeToLive),
                Provenance = new Provenance(first.Source, first.At),
            },
            Unobserved = gaps,
        };
    }

    /// <summary>The CNAME targets in order, following the answer's CNAME records from <paramref name="name"/> (loops stop; see <see cref="AliasChain"/>).</summary>
    public static List<string> CnameChain(string name, IEnumerable<DnsResourceRecord> records) =>
        AliasChain.Follow(name, records).Targets.ToList();
}
