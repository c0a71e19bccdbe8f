using System.Diagnostics;

namespace Chokepoint.Benchmarks;

/// <summary>
/// Records the HTTP requests, connection set-ups and TLS handshakes of <see cref="HttpClient"/> through the
/// runtime's networking activity sources, into a <see cref="Timeline"/>.
/// </summary>
internal sealed class HttpActivityTrace : IDisposable
{
    private readonly ActivityListener _listener;

    public HttpActivityTrace(Timeline timeline)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.Contains("System.Net", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                var end = timeline.Now;
                var start = end - activity.Duration.TotalMilliseconds;
                var url = activity.GetTagItem("url.full") ?? activity.GetTagItem("server.address");
                var kind = activity.OperationName switch
                {
                    "System.Net.Http.HttpRequestOut" => "http",
                    "System.Net.Http.Connections.HttpConnection" => "conn",
                    "System.Net.Http.Connections.ConnectionSetup" or "System.Net.Http.ConnectionSetup" => "setup",
                    "System.Net.Security.TlsHandshake" or "Experimental.System.Net.Security.TlsHandshake" => "tls",
                    "System.Net.Sockets.Connect" or "Experimental.System.Net.Sockets.Connect" => "tcp",
                    _ => activity.OperationName,
                };
                if (kind != "conn")
                {
                    timeline.Add(start, end, kind, $"{activity.DisplayName} {url}".Trim());
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();
}
