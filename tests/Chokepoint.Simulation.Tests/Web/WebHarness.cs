using Chokepoint.Simulation.Pki;
using Chokepoint.Simulation.Web;

namespace Chokepoint.Simulation.Tests.Web;

/// <summary>A started web server with its PKI and a client, disposed together.</summary>
internal sealed class WebHarness : IAsyncDisposable
{
    private WebHarness(World.World world, SimulatedPki pki, SimulatedWebServer server, SimulatedClient client)
    {
        World = world;
        Pki = pki;
        Server = server;
        Client = client;
    }

    public World.World World { get; }
    public SimulatedPki Pki { get; }
    public SimulatedWebServer Server { get; }
    public SimulatedClient Client { get; }
    public HttpClient Http => Client.Http;

    public static async Task<WebHarness> StartAsync(
        World.World world, bool followRedirects = false, int maxRedirects = 50, HttpServerLimits? limits = null)
    {
        var pki = new SimulatedPki(world, TimeProvider.System);
        var server = await SimulatedWebServer.StartAsync(world, pki, new WebServerOptions { Limits = limits ?? new() }, CancellationToken.None);
        var client = new SimulatedClient(world, server.HttpPort, server.HttpsPort, pki.RootCertificate, followRedirects, maxRedirects);
        return new WebHarness(world, pki, server, client);
    }

    public SimulatedClient NewClient(bool followRedirects = false, int maxRedirects = 50) =>
        new(World, Server.HttpPort, Server.HttpsPort, Pki.RootCertificate, followRedirects, maxRedirects);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        Pki.Dispose();
    }
}
