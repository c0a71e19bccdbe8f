using Chokepoint.Collection.Tests.Page;

namespace Chokepoint.Collection.Tests.Rdap;

/// <summary>
/// A registry for the TLD "test" on loopback: its bootstrap file at /bootstrap.json names itself, and every other
/// request is answered by the test's <c>respond</c> (path, request number counting from 1).
/// </summary>
internal static class LoopbackRegistry
{
    public const string DomainPath = "/rdap/domain/example.test";

    public const string DomainJson = """{"objectClassName":"domain","ldhName":"example.test"}""";

    public static LoopbackHttpServer Start(Func<string, int, Stream, CancellationToken, Task> respond, Action? onBootstrap = null)
    {
        var requests = 0;
        LoopbackHttpServer? server = null;
        server = new LoopbackHttpServer((path, stream, token) =>
        {
            if (path == "/bootstrap.json")
            {
                onBootstrap?.Invoke();
                return LoopbackHttpServer.RespondAsync(
                    stream, 200, "application/json", $$"""{"services": [[["test"], ["http://127.0.0.1:{{server!.Port}}/rdap/"]]]}""", token);
            }

            return respond(path, Interlocked.Increment(ref requests), stream, token);
        });
        return server;
    }

    public static Task DomainAsync(Stream stream, CancellationToken token) =>
        LoopbackHttpServer.RespondAsync(stream, 200, "application/rdap+json", DomainJson, token);
}
