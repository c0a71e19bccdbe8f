using Chokepoint.Analysis.Concentration;
using Chokepoint.Model;

namespace Chokepoint.Analysis.Tests.Concentration;

public sealed class ConcentrationBuilderTests
{
    private static AuditReport Site(string domain, Coverage coverage, params (string Owner, bool Redundant)[] deps) => new()
    {
        Domain = domain,
        Layers =
        [
            new LayerReport
            {
                Layer = Layer.Dns,
                Coverage = coverage,
                Dependencies = deps.Select(d => new Dependency
                {
                    Entity = new EntityRef(d.Owner, d.Owner + " Inc", null),
                    Service = ServiceKind.Dns,
                    Classification = Classification.ThirdParty,
                    Redundant = d.Redundant,
                }).ToList(),
            },
        ],
    };

    [Fact]
    public void Shares_hhi_incomplete_redundant_and_duplicates()
    {
        var b = new ConcentrationBuilder();
        b.Add(Site("a.test", Coverage.Observed, ("x", false)));
        b.Add(Site("b.test", Coverage.Observed, ("y", true)));
        b.Add(Site("c.test", Coverage.PartlyObserved, ("x", false)));
        Assert.False(b.Add(Site("a.test", Coverage.Observed, ("y", false))));
        var r = b.Build();
        var dns = r.Layers.Single(l => l.Layer == Layer.Dns);
        Assert.Equal(3, r.Sites);
        Assert.Equal(1, r.Duplicates);
        Assert.Equal(2, dns.Observed);
        Assert.Equal(1, dns.Incomplete);
        Assert.Equal(1, dns.Critical);
        Assert.Equal(1, dns.Uses["x"]);
        Assert.False(dns.CriticalOn.ContainsKey("y"));
        Assert.Equal(0.5, dns.Hhi, 6);
    }
}
