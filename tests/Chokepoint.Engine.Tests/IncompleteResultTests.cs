using System.Net;
using System.Net.Sockets;
using Chokepoint.Model;
using Chokepoint.Simulation;
using Chokepoint.Simulation.Demo;

namespace Chokepoint.Engine.Tests;

/// <summary>Audits that could not see: no grade by default, and the banners that say why.</summary>
public sealed class IncompleteResultTests
{
    /// <summary>Regression: an audit whose every DNS query timed out was graded A with exit 0.</summary>
    [Fact]
    public async Task A_resolver_that_answers_nothing_is_a_banner_and_no_grade()
    {
        await using var internet = await SimulatedInternet.StartAsync(DemoWorld.Load());
        // A loopback UDP socket that reads nothing and answers nothing: every query times out.
        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        silent.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)silent.LocalEndPoint!).Port;
        using var engine = ChokepointEngine.Create(new EngineSettings
        {
            Network = internet.Profile with { Resolver = $"127.0.0.1:{port}", DnsPort = port },
            DnsQueryTimeout = TimeSpan.FromMilliseconds(500),
            SiteBudget = TimeSpan.FromSeconds(15),
        });

        var report = (await engine.AuditAsync("twodns-demo.com")).Report;

        Assert.True(report.Status.Any(s => s.Kind == SiteStateKind.ResolverSilent),
            string.Join("; ", report.Layers.SelectMany(l => l.Unobserved).Select(u => $"{u.What} {u.Kind}")) + " | " + string.Join("; ", report.Layers.SelectMany(l => l.Dependencies).Select(d => $"{d.Service} {d.Entity.Id}")));
        Assert.Null(report.Grade);
        Assert.Null(report.GradeBound);
        Assert.False(report.Complete);
        Assert.StartsWith("not graded: ", report.GradeExplanation, StringComparison.Ordinal);
        Assert.Equal(Coverage.NotObserved, report.Layers.Single(l => l.Layer == Layer.Hosting).Coverage);
    }

    [Fact]
    public async Task A_held_domain_names_who_holds_it_and_is_not_graded()
    {
        await using var internet = await SimulatedInternet.StartAsync(DemoWorld.Load());
        using var engine = ChokepointEngine.Create(new EngineSettings { Network = internet.Profile });

        var report = (await engine.AuditAsync("onhold-demo.com")).Report;

        var hold = Assert.Single(report.Status);
        Assert.Equal(SiteStateKind.OnHold, hold.Kind);
        Assert.Null(report.Grade);
        Assert.Equal("not graded: the domain is on hold and offline now", report.GradeExplanation);
        // NXDOMAIN answers are facts of the DNS layer, not gaps.
        var dns = report.Layers.Single(l => l.Layer == Layer.Dns);
        Assert.Contains(dns.Absent, a => a.What == "dns.ns.parent");
        Assert.DoesNotContain(dns.Unobserved, u => u.Kind == "nx-domain");
        Assert.Contains(report.Layers.Single(l => l.Layer == Layer.Hosting).Absent, a => a.Name == "www.onhold-demo.com");
    }
}
