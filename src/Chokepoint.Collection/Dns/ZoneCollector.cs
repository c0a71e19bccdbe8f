using Chokepoint.Observations;
using Chokepoint.Observations.Dns;
using DnsClient;
using DnsClient.Protocol;

namespace Chokepoint.Collection.Dns;

/// <summary>
/// Finds the zone that holds a name outside the site (a provider's CNAME target, a mail exchanger, a CA's OCSP host) and the
/// nameservers that serve it: the provider's own DNS, on which the site depends indirectly. The NS sets of the
/// name and of its ancestors are asked concurrently through the resolver; the zone is the longest of them that
/// owns an NS set (RFC 1034 section 4.2: a zone's apex holds its NS records).
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1034#section-4.2">RFC 1034 section 4.2: how the database is divided into zones</seealso>
public sealed class ZoneCollector(DnsLookup dns)
{
    /// <summary>At most this many names are asked for one lookup (the shortest ones, from two labels up).</summary>
    public const int MaxCandidates = 6;

    /// <summary>The key of the gaps this collector reports, followed by the reason: "upstream.zone.cname", ".mx", ".ocsp".</summary>
    public const string What = "upstream.zone";

    /// <summary>
    /// The zone holding <paramref name="name"/>, with <paramref name="name"/> in its <see cref="ZoneObservation.Names"/>.
    /// No NS set at the name or any ancestor gives no zone and an <see cref="Unobserved"/> "upstream.zone.{reason}"
    /// whose reason names the host. When a longer name could not be asked but an ancestor answered, the ancestor is
    /// the zone and the failure is reported with it, since the longer name might have been a zone of its own.
    /// Never throws for network trouble.
    /// </summary>
    public async Task<Collected<ZoneObservation>> FindZoneAsync(string name, string reason, CancellationToken cancellationToken)
    {
        name = DnsPresentation.Host(name);
        var candidates = Candidates(name);
        if (candidates.Count == 0)
        {
            return new() { Unobserved = [Gap(name, reason, GapKind.Failed, $"{name}: not a name under a zone that can be looked up")] };
        }

        var answers = await Task.WhenAll(candidates.Select(c => dns.QueryAsync(c, QueryType.NS, cancellationToken)));
        Unobserved? firstFailure = null;
        for (var i = 0; i < candidates.Count; i++)
        {
            var answer = answers[i];
            if (!answer.Succeeded)
            {
                // A longer name that could not be asked may be a zone of its own: keep looking, but say so.
                firstFailure ??= answer.GapFor(GapKeys.ForUpstreamZone(reason), name, $"{name}: NS of {candidates[i]} not observed");
                continue;
            }

            var records = OwnedNs(candidates[i], answer.Response!.Answers);
            if (records.Count > 0)
            {
                return new Collected<ZoneObservation>
                {
                    Unobserved = firstFailure is null
                        ? []
                        : [firstFailure with { Reason = $"{firstFailure.Reason}; the zone was taken to be {candidates[i]}, the closest enclosing name that answered with an NS set, but the name that did not answer may be a zone of its own" }],
                    Value = new ZoneObservation
                    {
                        Zone = candidates[i],
                        Names = [name],
                        Reason = reason,
                        NameServers = records.Select(r => DnsPresentation.Host(r.NSDName.Value)).Distinct(StringComparer.Ordinal).ToList(),
                        Ttl = records.Min(r => r.InitialTimeToLive),
                        Provenance = new Provenance(answer.Source, answer.At),
                    },
                };
            }
        }

        return new() { Unobserved = [firstFailure ?? Gap(name, reason, GapKind.NoData, $"{name}: no NS set found at the name or any of its parents down to {candidates[^1]}")] };
    }

    /// <summary>
    /// <paramref name="name"/> and its ancestors with at least two labels, longest first; when there are more than
    /// <see cref="MaxCandidates"/>, the longest ones are dropped (zone cuts sit near the registered domain).
    /// </summary>
    public static IReadOnlyList<string> Candidates(string name)
    {
        var labels = DnsPresentation.Host(name).Split('.');
        if (labels.Length < 2 || labels.Any(l => l.Length == 0))
        {
            return [];
        }

        var count = Math.Min(labels.Length - 1, MaxCandidates);
        return Enumerable.Range(labels.Length - 1 - count, count)
            .Select(skip => string.Join('.', labels.Skip(skip)))
            .ToList();
    }

    /// <summary>
    /// One observation per zone and reason: the names of several lookups that found the same zone for the same
    /// reason are merged (in order of first appearance), keeping the first lookup's NS set, TTL and provenance.
    /// </summary>
    public static List<ZoneObservation> Merge(IEnumerable<ZoneObservation> zones) =>
        zones
            .GroupBy(z => (z.Zone, z.Reason))
            .Select(g => g.First() with { Names = g.SelectMany(z => z.Names).Distinct(StringComparer.Ordinal).ToList() })
            .ToList();

    private static List<NsRecord> OwnedNs(string owner, IEnumerable<DnsResourceRecord> records) =>
        records.OfType<NsRecord>().Where(r => DnsPresentation.SameName(r.DomainName.Value, owner)).ToList();

    private static Unobserved Gap(string name, string reason, GapKind kind, string text) => Unobserved.Of(GapKeys.ForUpstreamZone(reason), kind, text, name);
}
