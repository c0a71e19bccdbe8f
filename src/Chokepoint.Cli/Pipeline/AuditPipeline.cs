using Chokepoint.Analysis.Modeling;
using Chokepoint.Attribution.Audit;
using Chokepoint.Collection.Audit;
using Chokepoint.Collection.Page;
using Chokepoint.Model;
using Chokepoint.Observations;
using Chokepoint.Observations.Network;

namespace Chokepoint.Cli.Pipeline;

/// <summary>Collect, then everything after it: the composition of the stages for one site.</summary>
public sealed class AuditPipeline(ReportAttributor attributor, TimeProvider time)
{
    /// <summary>Collects a site's observations over the given network, pages included; a HAR capture is merged in.</summary>
    public Task<SiteObservations> CollectAsync(
        string domain, NetworkProfile network, TimeSpan timeout, CancellationToken cancellationToken, HarCapture? har = null)
    {
        var collector = new AuditCollector(time);
        var pageOptions = new PageCollectorOptions { TotalBudget = timeout * 0.8, PageTimeout = TimeSpan.FromSeconds(Math.Min(10, timeout.TotalSeconds / 2)) };
        var options = new CollectionOptions
        {
            Timeout = timeout,
            ToolVersion = typeof(AuditPipeline).Assembly.GetName().Version?.ToString(3),
            PageCollector = (context, token) =>
                new PageCollector(context.Http, pageOptions, context.Time).CollectAsync(context.StartUrl, context.Domain, har, token),
        };
        return collector.CollectAsync(domain, network, options, cancellationToken);
    }

    /// <summary>The pure part: attribution, analysis and the report.</summary>
    public AuditReport Analyze(SiteObservations observations) => ReportAnalyzer.Default.Complete(attributor.Attribute(observations));
}
