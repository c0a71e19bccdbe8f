using System.Collections.Concurrent;
using System.Net;
using Chokepoint.Collection.Asn;
using Chokepoint.Observations;
using Chokepoint.Observations.Dns;
using DnsClient;
using DnsClient.Protocol;

namespace Chokepoint.Collection.Dns;

/// <summary>
/// Collects a domain's delegation and zone: the NS set in the parent's referral (asked of the TLD's own
/// nameservers), the zone's NS, SOA, CAA, TXT and DS/DNSKEY presence through the resolver, and for each nameserver
/// its addresses, whether it answers authoritatively when asked directly, and the SOA of the zone holding its name.
/// Queries that do not depend on each other run concurrently.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1034">RFC 1034: Domain Names, Concepts</seealso>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc8659">RFC 8659: CAA</seealso>
public sealed class DnsCollector(DnsLookup dns, AddressAnnotator annotator)
{
    private const int MaxParentServers = 3;

    /// <summary>Collects; never throws for network trouble (only when <paramref name="cancellationToken"/> is cancelled).</summary>
    public async Task<Collected<DnsObservation>> CollectAsync(string domain, CancellationToken cancellationToken)
    {
        domain = DnsPresentation.Host(domain);
        var gaps = new GapList();
        var probes = new ConcurrentDictionary<string, Lazy<Task<NameServerObservation>>>(StringComparer.Ordinal);
        Task<NameServerObservation> Probe(string host) =>
            probes.GetOrAdd(host, h => new(() => ProbeNameServerAsync(h, domain, cancellationToken))).Value;

        var parentTask = ParentNsAsync(domain, gaps, cancellationToken);
        var childTask = RecordSetAsync(domain, QueryType.NS, GapKeys.DnsNsChild, gaps, cancellationToken);
        var soaTask = RecordSetAsync(domain, QueryType.SOA, GapKeys.DnsSoa, gaps, cancellationToken);
        var caaTask = RecordSetAsync(domain, QueryType.CAA, GapKeys.DnsCaa, gaps, cancellationToken);
        var txtTask = RecordSetAsync(domain, QueryType.TXT, GapKeys.DnsTxt, gaps, cancellationToken);
        var dsTask = PresenceAsync(domain, QueryType.DS, GapKeys.DnsDs, gaps, cancellationToken);
        var dnskeyTask = PresenceAsync(domain, QueryType.DNSKEY, GapKeys.DnsDnskey, gaps, cancellationToken);

        // Probe each nameserver as soon as either NS set names it.
        var child = await childTask;
        var childHosts = Hosts(child);
        foreach (var host in childHosts)
        {
            _ = Probe(host);
        }

        var parent = await parentTask;
        var parentHosts = Hosts(parent);
        var allHosts = parentHosts.Concat(childHosts).Distinct(StringComparer.Ordinal).ToList();
        var nameServers = await Task.WhenAll(allHosts.Select(Probe));

        var observation = new DnsObservation
        {
            ParentNs = parent,
            ChildNs = child,
            Soa = await soaTask,
            Caa = await caaTask,
            Txt = await txtTask,
            DsPresent = await dsTask,
            DnskeyPresent = await dnskeyTask,
            NameServers = nameServers
                .Select(ns => ns with { AtParent = parentHosts.Contains(ns.Host), AtChild = childHosts.Contains(ns.Host) })
                .ToList(),
        };
        return new Collected<DnsObservation> { Value = observation, Unobserved = gaps.ToList() };
    }

    private static List<string> Hosts(RecordSetObservation? set) =>
        set?.Values.Select(DnsPresentation.Host).Distinct(StringComparer.Ordinal).ToList() ?? [];

    /// <summary>The records of <paramref name="type"/> owned by <paramref name="name"/>; null (and a gap) on failure.</summary>
    private async Task<RecordSetObservation?> RecordSetAsync(string name, QueryType type, string subject, GapList gaps, CancellationToken cancellationToken)
    {
        var answer = await dns.QueryAsync(name, type, cancellationToken);
        if (!answer.Succeeded)
        {
            gaps.Add(answer.GapFor(subject, name));
            return null;
        }

        if (answer.NameDoesNotExist)
        {
            gaps.Add(Unobserved.Of(subject, GapKind.NxDomain, $"{name} does not exist (NXDOMAIN)", name));
            return null;
        }

        return ToRecordSet(answer, answer.Response!.Answers, name, type);
    }

    private async Task<bool?> PresenceAsync(string name, QueryType type, string subject, GapList gaps, CancellationToken cancellationToken)
    {
        var answer = await dns.QueryAsync(name, type, cancellationToken);
        if (!answer.Succeeded)
        {
            gaps.Add(answer.GapFor(subject, name));
            return null;
        }

        return answer.Response!.Answers.Any(r => (int)r.RecordType == (int)type);
    }

    internal static RecordSetObservation ToRecordSet(DnsAnswer answer, IEnumerable<DnsResourceRecord> records, string owner, QueryType type)
    {
        var matching = records
            .Where(r => (int)r.RecordType == (int)type && DnsPresentation.SameName(r.DomainName.Value, owner))
            .ToList();
        return new RecordSetObservation
        {
            Values = matching.Select(DnsPresentation.Format).OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
            Ttl = matching.Count == 0 ? null : matching.Min(r => r.InitialTimeToLive),
            Provenance = new Provenance(answer.Source, answer.At),
        };
    }

    /// <summary>
    /// The delegation as the parent zone's servers give it: find the parent zone (the closest enclosing name with an
    /// NS set, normally the public suffix), then ask its nameservers directly for the domain's NS and read the referral.
    /// </summary>
    private async Task<RecordSetObservation?> ParentNsAsync(string domain, GapList gaps, CancellationToken cancellationToken)
    {
        var labels = domain.Split('.');
        DnsAnswer? parentNs = null;
        string? parentZone = null;
        Unobserved? lastFailure = null;
        for (var i = 1; i < labels.Length && parentNs is null; i++)
        {
            var candidate = string.Join('.', labels[i..]);
            var answer = await dns.QueryAsync(candidate, QueryType.NS, cancellationToken);
            if (!answer.Succeeded)
            {
                lastFailure = answer.GapFor(GapKeys.DnsNsParent, domain, $"NS of {candidate}");
                continue;
            }

            if (answer.Response!.Answers.NsRecords().Any(ns => DnsPresentation.SameName(ns.DomainName.Value, candidate)))
            {
                parentNs = answer;
                parentZone = candidate;
            }
        }

        if (parentNs is null)
        {
            gaps.Add(lastFailure ?? Unobserved.Of(GapKeys.DnsNsParent, GapKind.NoData, "no parent zone found", domain));
            return null;
        }

        var servers = parentNs.Response!.Answers.NsRecords()
            .Select(ns => DnsPresentation.Host(ns.NSDName.Value))
            .Distinct(StringComparer.Ordinal)
            .Take(MaxParentServers)
            .ToList();
        var glue = parentNs.Response.Additionals.OfType<AddressRecord>().ToList();

        using var race = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var attempts = servers.Select(server => AskParentAsync(server, glue, domain, race.Token)).ToList();
        var failures = new List<(string Reason, GapKind Kind)>();
        while (attempts.Count > 0)
        {
            var finished = await Task.WhenAny(attempts);
            attempts.Remove(finished);
            var (set, failure, kind) = await finished;
            if (set is not null)
            {
                await race.CancelAsync();
                return set;
            }

            failures.Add((failure!, kind));
        }

        cancellationToken.ThrowIfCancellationRequested();

        // One kind when every server failed the same way; mixed failures are only "failed".
        var kinds = failures.Select(f => f.Kind).Distinct().ToList();
        // In a fixed order, not the order the servers happened to answer in: the same failures read the same.
        var reasons = string.Join("; ", failures.Select(f => f.Reason).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        gaps.Add(Unobserved.Of(GapKeys.DnsNsParent, kinds.Count == 1 ? kinds[0] : GapKind.Failed, $"no {parentZone} nameserver gave a referral: {reasons}", domain));
        return null;
    }

    private async Task<(RecordSetObservation? Set, string? Failure, GapKind Kind)> AskParentAsync(
        string server, List<AddressRecord> glue, string domain, CancellationToken cancellationToken)
    {
        var addresses = glue.Where(a => DnsPresentation.SameName(a.DomainName.Value, server)).Select(a => a.Address).ToList();
        if (addresses.Count == 0)
        {
            addresses = [.. await dns.ResolveAddressesAsync(server, cancellationToken)];
        }

        if (addresses.Count == 0)
        {
            return (null, $"{server}: no address", GapKind.ConnectionFailed);
        }

        var answer = await dns.QueryServerAsync(addresses[0], domain, QueryType.NS, cancellationToken);
        if (!answer.Succeeded)
        {
            return (null, $"{server}: {answer.Failure}", answer.FailureKind ?? GapKind.Failed);
        }

        if (answer.NameDoesNotExist)
        {
            return (null, $"{server}: {domain} is not delegated (NXDOMAIN)", GapKind.NxDomain);
        }

        // A referral carries the NS set in the authority section; a server authoritative for both zones answers it.
        var response = answer.Response!;
        var records = response.Authorities.Concat(response.Answers).ToList();
        var set = ToRecordSet(answer, records, domain, QueryType.NS);
        return set.Values.Count > 0 ? (set, null, GapKind.NotClassified) : (null, $"{server}: no NS for {domain} in its answer", GapKind.NoData);
    }

    private async Task<NameServerObservation> ProbeNameServerAsync(string host, string domain, CancellationToken cancellationToken)
    {
        var a = dns.QueryAsync(host, QueryType.A, cancellationToken);
        var aaaa = dns.QueryAsync(host, QueryType.AAAA, cancellationToken);
        var ownZone = OwnZoneSoaAsync(host, cancellationToken);
        await Task.WhenAll(a, aaaa);
        var addresses = DnsLookup.Addresses(a.Result).Concat(DnsLookup.Addresses(aaaa.Result)).Distinct().ToList();
        var described = annotator.DescribeAllAsync(addresses, cancellationToken);
        if (addresses.Count == 0)
        {
            var why = a.Result.Failure ?? aaaa.Result.Failure ?? (a.Result.NameDoesNotExist ? "NXDOMAIN" : null)
                ?? (await dns.AliasesAsync(host, cancellationToken)).Problem ?? "no A or AAAA record";
            return new NameServerObservation { Host = host, State = "unresolved", Detail = why, OwnZoneSoa = await ownZone };
        }

        var states = await Task.WhenAll(addresses.Select(address => AskAuthoritativeAsync(address, domain, cancellationToken)));
        var state = states.Any(s => s.State == "authoritative") ? "authoritative"
            : states.Any(s => s.State == "lame") ? "lame"
            : "unreachable";
        var problems = states.Where(s => s.State != "authoritative").Select(s => $"{s.Address}: {s.Detail}").ToList();
        return new NameServerObservation
        {
            Host = host,
            Addresses = await described,
            OwnZoneSoa = await ownZone,
            State = state,
            Detail = problems.Count == 0 ? null : string.Join("; ", problems),
        };
    }

    private async Task<(IPAddress Address, string State, string? Detail)> AskAuthoritativeAsync(
        IPAddress address, string domain, CancellationToken cancellationToken)
    {
        var answer = await dns.QueryServerAsync(address, domain, QueryType.SOA, cancellationToken);
        if (answer.TimedOut)
        {
            return (address, "unreachable", answer.Failure);
        }

        if (answer.Response is not { } response)
        {
            return (address, "lame", answer.Failure);
        }

        if (answer.Failure is not null)
        {
            return (address, "lame", answer.Failure);
        }

        if (!response.Header.HasAuthorityAnswer)
        {
            return (address, "lame", "answered without authority");
        }

        if (answer.NameDoesNotExist || !response.Answers.SoaRecords().Any())
        {
            return (address, "lame", $"no SOA for {domain} in its authoritative answer");
        }

        return (address, "authoritative", null);
    }

    /// <summary>"MNAME RNAME" of the zone holding <paramref name="host"/>: the SOA in the answer or the authority section.</summary>
    private async Task<string?> OwnZoneSoaAsync(string host, CancellationToken cancellationToken)
    {
        var answer = await dns.QueryAsync(host, QueryType.SOA, cancellationToken);
        if (answer.Response is not { } response)
        {
            return null;
        }

        var soa = response.Answers.SoaRecords().FirstOrDefault() ?? response.Authorities.SoaRecords().FirstOrDefault();
        return soa is null ? null : $"{DnsPresentation.Name(soa.MName.Value)} {DnsPresentation.Name(soa.RName.Value)}";
    }
}
