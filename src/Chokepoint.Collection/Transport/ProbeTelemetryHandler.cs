using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Chokepoint.Collection.Transport;

/// <summary>
/// One <see cref="CollectionTelemetry.HttpFetch"/> span per request through the session's handler (HTTP, page,
/// OCSP and RDAP requests alike), tagged with the URL and the status, and a Debug log event for each failure.
/// </summary>
internal sealed class ProbeTelemetryHandler(HttpMessageHandler inner, ILogger? logger) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var activity = CollectionTelemetry.Source.StartActivity(CollectionTelemetry.HttpFetch, ActivityKind.Client);
        activity?.SetTag("url.full", request.RequestUri?.ToString());
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            activity?.SetTag("http.response.status_code", (int)response.StatusCode);
            return response;
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            activity?.SetTag("error.type", exception.GetType().Name);
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            if (logger is not null && logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("HTTP {Url} failed: {Reason}", request.RequestUri, FailureText.Describe(exception));
            }

            throw;
        }
    }
}
