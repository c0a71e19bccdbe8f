using Chokepoint.Simulation.World;

namespace Chokepoint.Collection.Tests.Simulated;

/// <summary>The demo world with one fault of each kind injected, each at a different site or host.</summary>
public sealed class FaultyInternetFixture() : FaultedDemoInternet(Faults)
{
    public static IReadOnlyList<Fault> Faults { get; } =
    [
        new() { Target = "rdap:org", Kind = "rdap-429", DelayMs = 30_000 },
        new() { Target = "rdap:fr", Kind = "rdap-invalid-json" },
        new() { Target = "rdap:net", Kind = "rdap-404" },
        new() { Target = "ns:dns1.p01.nsone.net", Kind = "refused" },
        new() { Target = "ns:ns-412.awsdns-51.com", Kind = "no-answer" },
        new() { Target = "ns:a1-64.akam.net", Kind = "malformed" },
        new() { Target = "dns:www.pixelcraft-videos.com", Kind = "no-answer" },
        new() { Target = "dns:_dmarc.quietharbor-consulting.com", Kind = "servfail" },
        new() { Target = "dns:_dmarc.dailyledger-news.com", Kind = "malformed" },
        new() { Target = "dns:www.tinyteapot-shop.com", Kind = "truncated" },
        new() { Target = "web:www.twodns-demo.com", Kind = "http-500" },
        new() { Target = "web:www.shieldedorigin-demo.com", Kind = "redirect-loop" },
        new() { Target = "web:twoca-demo.com", Kind = "cert-wrong-name" },
        new() { Target = "web:www.twoca-demo.com", Kind = "cert-expired" },
        new() { Target = "web:www.openshelter-demo.org", Kind = "cert-untrusted" },
        new() { Target = "web:tinyteapot-shop.com", Kind = "slow-body", DelayMs = 300 },
        new() { Target = "web:www.dailyledger-news.com", Kind = "endless-body" },
    ];
}
