using Chokepoint.Collection.Session;

namespace Chokepoint.Engine;

/// <summary>
/// The collection's progress as <see cref="AuditProgress"/>: each collector that ends becomes a phase in words; the
/// page collector counts only when pages are collected (else it ends at once, having done nothing). Told one at a
/// time, in order.
/// </summary>
internal sealed class PhaseProgress(IProgress<AuditProgress> target, TimeProvider time, long started, bool collectPage) : IProgress<CollectionProgress>
{
    private readonly Lock gate = new();
    private int ended;

    public void Report(CollectionProgress value)
    {
        if (value.Collector == "page" && !collectPage)
        {
            return;
        }

        var total = collectPage ? value.Total : value.Total - 1;
        // One at a time, so the counts and times a front end is told only grow.
        lock (gate)
        {
            ended++;
            target.Report(new AuditProgress(value.Domain, AuditStep.PhaseEnded, PhaseOf(value.Collector), ended, total, time.GetElapsedTime(started)));
        }
    }

    /// <summary>The words for a collector; one added later is shown by its own name.</summary>
    internal static string PhaseOf(string collector) => collector switch
    {
        "delegation" => "dns",
        "site-hosts" => "hosts",
        "web" => "tls and http",
        "upstream" => "upstream zones",
        "name-server-domains" => "nameserver domains",
        _ => collector.Replace('-', ' '),
    };
}
