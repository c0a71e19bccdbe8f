using Chokepoint.Simulation.Dns.Wire;

namespace Chokepoint.Simulation.Dns;

/// <summary>
/// What one nameserver address says. A DNS service's nameserver answers, with AA set, only for zones its
/// service serves (CNAMEs chased inside the same zone) and REFUSES everything else, which is what a lame
/// delegation looks like from outside. A registry's nameserver answers its TLD with referrals.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1034#section-4.3.2">RFC 1034 §4.3.2</seealso>
internal sealed class AuthoritativeResponder(DnsWorldIndex index, int maxChain)
{
    public DnsAnswer Answer(ListenerRole role, DnsQuestion question)
    {
        var key = DnsName.Key(question.Name);
        var zone = role.ServiceIds.Count == 0 ? null : index.FindZone(key, z => z.ServedBy.Overlaps(role.ServiceIds));
        var tld = role.Tlds
            .Where(t => DnsName.IsAtOrBelow(key, t))
            .OrderByDescending(t => t.Length)
            .FirstOrDefault();
        if (zone is not null && (tld is null || zone.Key.Length > tld.Length))
        {
            return FromZone(zone, question);
        }

        if (tld is not null)
        {
            return FromRegistry(tld, key, question.Type);
        }

        return DnsAnswer.Empty(DnsResponseCode.Refused, authoritative: false);
    }

    private DnsAnswer FromZone(SimulatedZone zone, DnsQuestion question)
    {
        var answers = new List<DnsResourceRecord>();
        var visited = new HashSet<string>(StringComparer.Ordinal) { DnsName.Key(question.Name) };
        var current = question.Name;
        for (var hop = 0; ; hop++)
        {
            var step = ZoneAnswerer.Lookup(zone, current, question.Type);
            answers.AddRange(step.Answers);
            if (step.CnameTarget is { } target
                && hop < maxChain
                && DnsName.IsAtOrBelow(DnsName.Key(target), zone.Key)
                && visited.Add(DnsName.Key(target)))
            {
                current = target;
                continue;
            }

            return DnsAnswer.From(step, authoritative: true, answers);
        }
    }

    private DnsAnswer FromRegistry(string tld, string key, DnsRecordType type)
    {
        if (key == tld)
        {
            return DnsAnswer.From(TldAnswerer.Apex(index, tld, type), authoritative: true);
        }

        var domain = index.FindDomain(key);
        if (domain is null || !DnsName.IsAtOrBelow(DnsName.Key(domain.Name), tld) || DnsName.Key(domain.Name) == tld
            || DnsWorldIndex.IsOnHold(domain))
        {
            return DnsAnswer.From(TldAnswerer.NameError(index, tld), authoritative: true);
        }

        if (type == DnsRecordType.DS && key == DnsName.Key(domain.Name))
        {
            return DnsAnswer.From(TldAnswerer.Ds(index, domain, tld), authoritative: true);
        }

        return TldAnswerer.Referral(index, domain);
    }
}
