using Chokepoint.Simulation.Dns.Wire;

namespace Chokepoint.Simulation.Dns;

/// <summary>
/// The recursive resolver's view of the world: follows the delegation chain in one step per name
/// (registry, registration status, delegation, serving zone), chases CNAMEs across zones, and answers
/// Team Cymru-style IP-to-ASN queries.
/// </summary>
/// <remarks>
/// Order of decisions for a name: the Cymru zone; the longest registered domain above it (on hold: NXDOMAIN;
/// DS at the domain: answered from the parent side; no zone, or a delegation reaching none of the zone's
/// services: SERVFAIL); otherwise the longest zone above it (so provider zones need not be registered);
/// otherwise a nameserver host's own addresses; otherwise the TLD (apex data, or NXDOMAIN).
/// </remarks>
internal sealed class ResolverResponder(DnsWorldIndex index, int maxChain)
{
    public DnsAnswer Answer(DnsQuestion question)
    {
        var answers = new List<DnsResourceRecord>();
        var visited = new HashSet<string>(StringComparer.Ordinal) { DnsName.Key(question.Name) };
        var current = question.Name;
        for (var hop = 0; hop <= maxChain; hop++)
        {
            var step = ResolveOne(current, question.Type);
            answers.AddRange(step.Answers);
            if (step.CnameTarget is null)
            {
                return DnsAnswer.From(step, authoritative: false, answers);
            }

            if (!visited.Add(DnsName.Key(step.CnameTarget)))
            {
                break;
            }

            current = step.CnameTarget;
        }

        return new DnsAnswer(DnsResponseCode.ServerFailure, false, answers, [], []);
    }

    private ZoneResult ResolveOne(string name, DnsRecordType type)
    {
        var key = DnsName.Key(name);
        if (CymruResponder.Handles(key) && !index.Zones.ContainsKey(CymruResponder.Apex))
        {
            return CymruResponder.Answer(index.Prefixes, name, key, type);
        }

        var tld = TldAnswerer.FindTld(index, key);
        var domain = index.FindDomain(key);
        if (domain is not null && DnsName.Key(domain.Name) != tld)
        {
            var domainKey = DnsName.Key(domain.Name);
            if (DnsWorldIndex.IsOnHold(domain))
            {
                return TldAnswerer.NameError(index, tld);
            }

            if (type == DnsRecordType.DS && key == domainKey)
            {
                return TldAnswerer.Ds(index, domain, tld);
            }

            if (!index.Zones.TryGetValue(domainKey, out var apexZone) || !index.DelegationReaches(domain, apexZone))
            {
                return ZoneResult.Failure(DnsResponseCode.ServerFailure);
            }

            var zone = index.FindZone(key, z => DnsName.IsAtOrBelow(z.Key, domainKey)) ?? apexZone;
            return ZoneAnswerer.Lookup(zone, name, type);
        }

        if (index.FindZone(key, z => z.Key != tld && z.Key.Length > 0) is { } undelegated)
        {
            return undelegated.ServedBy.Any(index.Services.ContainsKey)
                ? ZoneAnswerer.Lookup(undelegated, name, type)
                : ZoneResult.Failure(DnsResponseCode.ServerFailure);
        }

        if (index.HostAddresses.TryGetValue(key, out var addresses) && addresses.Count > 0)
        {
            var matching = addresses
                .Select(a => DnsResourceRecord.Create(DnsName.TrimDot(name), 3600, new AddressRecordData(a)))
                .Where(r => type == DnsRecordType.ANY || r.Type == type)
                .ToList();
            return new ZoneResult(DnsResponseCode.NoError, matching, []);
        }

        if (tld is not null && key == tld)
        {
            return TldAnswerer.Apex(index, tld, type);
        }

        return TldAnswerer.NameError(index, tld);
    }
}
