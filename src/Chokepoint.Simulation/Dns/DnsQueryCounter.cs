using System.Collections.Concurrent;
using Chokepoint.Simulation.Dns.Wire;

namespace Chokepoint.Simulation.Dns;

/// <summary>
/// How many queries the simulated DNS servers received: in all, and per (name, type) at the resolver and at the
/// authoritative servers, so a test can see what a client's cache saved. Thread-safe.
/// </summary>
public sealed class DnsQueryCounter
{
    private readonly ConcurrentDictionary<(bool Resolver, string Name, DnsRecordType Type), int> counts = new();
    private readonly ConcurrentDictionary<(string Server, string Name, DnsRecordType Type), int> byServer = new();
    private int total;

    /// <summary>Every query received (parseable or not), at any listener.</summary>
    public int Total => Volatile.Read(ref total);

    /// <summary>Queries received for <paramref name="name"/> and <paramref name="type"/> by the resolver.</summary>
    public int AtResolver(string name, DnsRecordType type) => counts.GetValueOrDefault((true, DnsName.Key(name), type));

    /// <summary>Queries received for <paramref name="name"/> and <paramref name="type"/> by any authoritative server.</summary>
    public int AtAuthoritative(string name, DnsRecordType type) => counts.GetValueOrDefault((false, DnsName.Key(name), type));

    /// <summary>A copy of the per-question counts: (at the resolver?, name, type) to count.</summary>
    public IReadOnlyDictionary<(bool Resolver, string Name, DnsRecordType Type), int> Snapshot() => new Dictionary<(bool, string, DnsRecordType), int>(counts);

    /// <summary>
    /// Completes once no query has arrived for <paramref name="quiet"/>, or after <paramref name="atMost"/>: a client's
    /// exchanges may outlive the call that started them (a question that lost a race), and a count taken before they
    /// land would be early.
    /// </summary>
    public async Task WhenQuietAsync(TimeSpan quiet, TimeSpan atMost, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var deadline = time.GetUtcNow() + atMost;
        var last = Total;
        while (time.GetUtcNow() < deadline)
        {
            await Task.Delay(quiet, time);
            var now = Total;
            if (now == last)
            {
                return;
            }

            last = now;
        }
    }

    internal void CountReceived() => Interlocked.Increment(ref total);

    /// <summary>
    /// A copy of the per-question counts at each server: ("resolver" or the server's host names, name, type) to
    /// count. A client that races several servers for one referral asks different servers in different runs, which
    /// the per-question counts alone cannot tell from asking one server again.
    /// </summary>
    public IReadOnlyDictionary<(string Server, string Name, DnsRecordType Type), int> SnapshotByServer() =>
        new Dictionary<(string, string, DnsRecordType), int>(byServer);

    internal void Count(string? server, DnsQuestion question)
    {
        var name = DnsName.Key(question.Name);
        counts.AddOrUpdate((server is null, name, question.Type), 1, (_, n) => n + 1);
        byServer.AddOrUpdate((server ?? "resolver", name, question.Type), 1, (_, n) => n + 1);
    }
}
