using Chokepoint.Simulation.World;

namespace Chokepoint.Collection.Tests.Simulated;

/// <summary>
/// The demo world whose resolver cannot answer for two providers' zone apexes: SERVFAIL for <c>cloudfront.net</c>
/// (the zone of twodns-demo.com's CDN name) and silence for <c>phicdn.net</c> (the zone behind DigiCert's OCSP host);
/// SERVFAIL for the host name <c>ext-cust.squarespace.com</c> itself, whose zone apex still answers.
/// </summary>
public sealed class ZoneFaultInternetFixture() : FaultedDemoInternet(
[
    new Fault { Target = "dns:cloudfront.net", Kind = "servfail" },
    new Fault { Target = "dns:phicdn.net", Kind = "no-answer" },
    new Fault { Target = "dns:ext-cust.squarespace.com", Kind = "servfail" },
]);
