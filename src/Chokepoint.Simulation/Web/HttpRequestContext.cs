using System.Net;

namespace Chokepoint.Simulation.Web;

/// <summary>A request as a handler sees it: the head plus where and how it arrived.</summary>
internal sealed record HttpRequestContext(HttpRequestHead Request, bool IsHttps, string? ServerName, IPEndPoint LocalEndPoint);

/// <summary>Answers one request.</summary>
internal delegate ValueTask<HttpResponse> HttpRequestHandler(HttpRequestContext context, CancellationToken cancellationToken);
