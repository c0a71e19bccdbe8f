using Chokepoint.Observations;
using DnsClient.Protocol;

namespace Chokepoint.Collection.Dns;

/// <summary>
/// The aliases followed from a name through an answer's CNAME records, in order, and why following them stopped
/// short when it did: a loop (a name that is its own alias, or a -> b -> a) or a chain longer than
/// <see cref="MaxLength"/>. Either is a fault of the zone, not "no addresses": the name cannot resolve.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1034#section-3.6.2">RFC 1034 section 3.6.2: aliases and canonical names</seealso>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1035#section-7.4">RFC 1035 section 7.4: CNAME loops</seealso>
public sealed record AliasChain
{
    /// <summary>
    /// The most aliases followed from one name. Resolvers bound the chain too: Unbound followed 8 until 1.13.2 and
    /// 11 by default since (its max-query-restarts); real names with 9 aliases exist (logincdn.msauth.net, in
    /// NLnetLabs/unbound issue 438). 16 is above every such bound, so a longer chain in one answer is not a real site's.
    /// </summary>
    /// <seealso href="https://github.com/NLnetLabs/unbound/issues/438">Unbound issue 438: more than 8 CNAMEs</seealso>
    public const int MaxLength = 16;

    /// <summary>The CNAME targets in order (host names: lowercase, no trailing dot), up to where following stopped.</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];

    /// <summary>
    /// Why the chain cannot be resolved, one line ("CNAME loop: a.example -> b.example -> a.example", "CNAME chain
    /// longer than 16 aliases: ..."); null for a chain that ends.
    /// </summary>
    public string? Problem { get; init; }

    /// <summary><see cref="GapKind.Malformed"/> for a loop, <see cref="GapKind.Bounded"/> for a chain over the bound; null without a problem.</summary>
    public GapKind? ProblemKind { get; init; }

    /// <summary>The name the chain ends at: the last target, or <paramref name="name"/> itself when there is none.</summary>
    public string End(string name) => Targets.Count == 0 ? DnsPresentation.Host(name) : Targets[^1];

    /// <summary>Follows the CNAME records among <paramref name="records"/> from <paramref name="name"/>.</summary>
    public static AliasChain Follow(string name, IEnumerable<DnsResourceRecord> records)
    {
        // The first CNAME of each owner: a name has at most one (RFC 2181 section 10.1), and a second is ignored.
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var cname in records.OfType<CNameRecord>())
        {
            aliases.TryAdd(DnsPresentation.Host(cname.DomainName.Value), DnsPresentation.Host(cname.CanonicalName.Value));
        }

        var start = DnsPresentation.Host(name);
        var path = new List<string> { start };
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var current = start;
        while (aliases.TryGetValue(current, out var next))
        {
            if (!seen.Add(next))
            {
                return new AliasChain
                {
                    Targets = path.Skip(1).ToList(),
                    Problem = DnsFailureText.OneLine($"CNAME loop: {string.Join(" -> ", path)} -> {next}"),
                    ProblemKind = GapKind.Malformed,
                };
            }

            if (path.Count > MaxLength)
            {
                return new AliasChain
                {
                    Targets = path.Skip(1).ToList(),
                    Problem = DnsFailureText.OneLine($"CNAME chain longer than {MaxLength} aliases: {start} -> {path[1]} -> ... -> {current}"),
                    ProblemKind = GapKind.Bounded,
                };
            }

            path.Add(next);
            current = next;
        }

        return new AliasChain { Targets = path.Skip(1).ToList() };
    }
}
