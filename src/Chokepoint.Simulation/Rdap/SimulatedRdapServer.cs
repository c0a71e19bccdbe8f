using System.Net;
using Chokepoint.Simulation.Web;

namespace Chokepoint.Simulation.Rdap;

/// <summary>
/// The RDAP services of a world on one HTTP listener at 127.0.0.1: the DNS bootstrap file at
/// <c>/bootstrap/dns.json</c>, each registry at <c>/rdap/TLD/</c> and each registrar with an RDAP host at
/// <c>/registrar-rdap/REGISTRAR-ID/</c> (linked from registry answers with rel "related").
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc9083">RFC 9083: RDAP JSON responses</seealso>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc7484">RFC 7484: RDAP bootstrap</seealso>
public sealed class SimulatedRdapServer : IAsyncDisposable
{
    private readonly LoopbackHttpServer _server;
    private readonly RdapResponder _responder;

    private SimulatedRdapServer(LoopbackHttpServer server, RdapResponder responder, int port)
    {
        _server = server;
        _responder = responder;
        Port = port;
        BootstrapUri = new Uri($"{responder.Origin}/bootstrap/dns.json");
    }

    /// <summary>The port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>URL of the DNS bootstrap file (the IANA format: services of [[TLDs], [base URLs]]).</summary>
    public Uri BootstrapUri { get; }

    /// <summary>Binds 127.0.0.1 and starts serving.</summary>
    /// <exception cref="IOException">The requested port is taken.</exception>
    public static Task<SimulatedRdapServer> StartAsync(World.World world, RdapServerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        var responder = new RdapResponder(world, options.TimeProvider);
        var server = new LoopbackHttpServer(responder.RespondAsync, options.Limits, options.TimeProvider);
        int port;
        try
        {
            port = server.Listen([IPAddress.Loopback], options.Port, tls: null);
        }
        catch
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }

        responder.Origin = $"http://127.0.0.1:{port}";
        return Task.FromResult(new SimulatedRdapServer(server, responder, port));
    }

    /// <summary>Requests received so far, per path ("/bootstrap/dns.json", "/rdap/com/domain/example.com").</summary>
    public IReadOnlyDictionary<string, int> Requests => _responder.Requests;

    /// <summary>Requests received so far for <paramref name="path"/>.</summary>
    public int RequestCount(string path) => _responder.Requests.GetValueOrDefault(path);

    /// <summary>Requests received so far for the bootstrap file.</summary>
    public int BootstrapRequests => RequestCount(BootstrapUri.AbsolutePath);

    /// <summary>Base URL of the registry RDAP service for <paramref name="tld"/> ("http://127.0.0.1:PORT/rdap/TLD/").</summary>
    public Uri GetRegistryBaseUri(string tld) => new(_responder.RegistryBase(tld.Trim('.')));

    /// <summary>Base URL of a registrar's RDAP service ("http://127.0.0.1:PORT/registrar-rdap/ID/").</summary>
    public Uri GetRegistrarBaseUri(string registrarId) => new(_responder.RegistrarBase(registrarId));

    /// <summary>Stops listening, ends every connection and frees the port.</summary>
    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
