using Chokepoint.Analysis.Concentration;
using Chokepoint.Model;

namespace Chokepoint.Analysis.Tests.Concentration;

/// <summary>Each definition of docs/concentration.md, on reports made for it, the expected numbers worked out by hand.</summary>
public sealed class ConcentrationDefinitionTests
{
    private static Dependency Dep(string owner, bool redundant = false, Classification classification = Classification.ThirdParty, string? entity = null) => new()
    {
        Entity = new EntityRef(entity ?? owner, entity is null ? owner + " Group" : entity + " Ltd", entity is null ? null : owner),
        Owner = entity is null ? null : new EntityRef(owner, owner + " Group", null),
        Service = ServiceKind.Dns,
        Classification = classification,
        Redundant = redundant,
    };

    private static LayerReport L(Layer layer, Coverage coverage, params Dependency[] dependencies) =>
        new() { Layer = layer, Coverage = coverage, Dependencies = dependencies };

    /// <summary>Every layer observed with no dependency, except those given.</summary>
    private static AuditReport Site(string domain, params LayerReport[] given) => new()
    {
        Domain = domain,
        Layers = [.. Enum.GetValues<Layer>().Select(l => given.FirstOrDefault(g => g.Layer == l) ?? L(l, Coverage.Observed))],
    };

    private static ChokepointReport Cp(string id, bool inherent = false, string[]? functions = null, string[]? history = null) => new()
    {
        Entity = new EntityRef(id, id + " Group", null),
        Severity = Severity.Critical,
        Inherent = inherent,
        Functions = functions ?? ["name-resolves"],
        History = history ?? [],
    };

    private static FunctionReport F(string id, Coverage coverage, params string[] singlePoints) =>
        new() { Id = id, Name = "Function " + id, Coverage = coverage, SinglePoints = singlePoints };

    private static HeadlineMeasure Headline(ConcentrationReport report, string id) => report.Headlines.Single(h => h.Id == id);

    private static LayerConcentration LayerOf(ConcentrationReport report, Layer layer) => report.Layers.Single(l => l.Layer == layer);

    [Fact]
    public void A_hosting_layer_seen_only_through_the_cdn_edge_is_incomplete_not_no_hosting_company()
    {
        var b = new ConcentrationBuilder();
        var hidden = L(Layer.Hosting, Coverage.Observed) with
        {
            Unobserved = [new UnobservedItem(UnobservedItem.HiddenOrigin, "the origin is hidden behind Fastly; only the edge was seen")],
        };
        b.Add(Site("edge.test", hidden, L(Layer.Cdn, Coverage.Observed, Dep("fastly"))));
        b.Add(Site("self.test"));
        b.Add(Site("cloud.test", L(Layer.Hosting, Coverage.Observed, Dep("aws"))));

        // Behind the edge too, but the platform is named by the CNAME its www points at: observed.
        b.Add(Site("shop.test", hidden with { Dependencies = [Dep("shopify")] }, L(Layer.Cdn, Coverage.Observed, Dep("cloudflare"))));
        var r = b.Build();

        var hosting = LayerOf(r, Layer.Hosting);
        Assert.Equal(3, hosting.Observed);
        Assert.Equal(1, hosting.Incomplete);
        Assert.Equal(2, hosting.UsingThirdParty);
        Assert.Equal(2, LayerOf(r, Layer.Cdn).Critical);
    }

    [Fact]
    public void A_headline_is_dependent_on_any_observed_critical_layer_and_undetermined_when_a_layer_was_not_seen()
    {
        var b = new ConcentrationBuilder();
        // Critical in DNS, CDN not observed: dependent all the same.
        b.Add(Site("a.test", L(Layer.Dns, Coverage.Observed, Dep("x")), L(Layer.Cdn, Coverage.NotObserved)));
        // Redundant DNS, no CDN, CA redundant, every layer observed: not dependent.
        b.Add(Site("b.test", L(Layer.Dns, Coverage.Observed, Dep("x", true), Dep("y", true)), L(Layer.Tls, Coverage.Observed, Dep("ca1", true), Dep("ca2", true))));
        // Redundant DNS, CDN partly observed: undetermined, not "not dependent".
        b.Add(Site("c.test", L(Layer.Dns, Coverage.Observed, Dep("x", true), Dep("y", true)), L(Layer.Cdn, Coverage.PartlyObserved)));
        // Critical only in mail: not dependent for DNS/CDN/CA, dependent for any layer.
        b.Add(Site("d.test", L(Layer.Mail, Coverage.Observed, Dep("m"))));
        // Critical only in registration: not dependent in either measure.
        b.Add(Site("e.test", L(Layer.Registration, Coverage.Observed, Dep("registry"))));
        var r = b.Build();

        var kashaf = Headline(r, ConcentrationBuilder.DnsCdnCaHeadline);
        Assert.Equal([Layer.Dns, Layer.Cdn, Layer.Tls], kashaf.Layers);
        Assert.Equal((1, 3, 1), (kashaf.Dependent, kashaf.NotDependent, kashaf.Undetermined));
        Assert.Equal(0.25, kashaf.Share, 9);
        var any = Headline(r, ConcentrationBuilder.AnyLayerHeadline);
        Assert.DoesNotContain(Layer.Registration, any.Layers);
        Assert.Equal(7, any.Layers.Count);
        Assert.Equal((2, 2, 1), (any.Dependent, any.NotDependent, any.Undetermined));
        Assert.Equal(0.5, any.Share, 9);
    }

    [Fact]
    public void A_layer_not_observed_is_incomplete_and_never_a_site_without_dependency()
    {
        var b = new ConcentrationBuilder();
        b.Add(Site("a.test", L(Layer.Cdn, Coverage.NotObserved)));
        b.Add(Site("b.test", L(Layer.Cdn, Coverage.PartlyObserved, Dep("cdnco"))));
        b.Add(Site("c.test"));
        b.Add(new AuditReport { Domain = "d.test", Layers = [L(Layer.Dns, Coverage.Observed, Dep("x"))] });
        var r = b.Build();

        // CDN: observed only on c.test; not, partly and not at all (a layer missing from the report) on the others.
        var cdn = LayerOf(r, Layer.Cdn);
        Assert.Equal((1, 3), (cdn.Observed, cdn.Incomplete));
        Assert.Equal(0, cdn.UsingThirdParty);
        Assert.Empty(cdn.Uses);
        Assert.Equal(0, cdn.Hhi);
        var mail = LayerOf(r, Layer.Mail);
        Assert.Equal((3, 1), (mail.Observed, mail.Incomplete));
        Assert.Equal((4, 0), (LayerOf(r, Layer.Dns).Observed, LayerOf(r, Layer.Dns).Incomplete));
        var kashaf = Headline(r, ConcentrationBuilder.DnsCdnCaHeadline);
        Assert.Equal((1, 1, 2), (kashaf.Dependent, kashaf.NotDependent, kashaf.Undetermined));
    }

    [Fact]
    public void The_sites_own_organisation_is_not_a_third_party()
    {
        var b = new ConcentrationBuilder();
        var own = new Dependency
        {
            Entity = new EntityRef("self:a.test", "a.test (self-hosted)", null),
            Service = ServiceKind.Dns,
            Classification = Classification.Private,
        };
        b.Add(Site("a.test", L(Layer.Dns, Coverage.Observed, own), L(Layer.Mail, Coverage.Observed, Dep("self:a.test"))) with
        {
            Functions = [F("name-resolves", Coverage.Observed, "self:a.test", "registry"), F("mail-received", Coverage.Observed, "self:a.test")],
            Chokepoints = [Cp("self:a.test"), Cp("registry", inherent: true)],
        });
        var r = b.Build();

        var dns = LayerOf(r, Layer.Dns);
        Assert.Equal((1, 0, 0), (dns.Observed, dns.UsingThirdParty, dns.Critical));
        Assert.Equal(0, LayerOf(r, Layer.Mail).UsingThirdParty);
        var resolves = r.Functions.Single(f => f.Id == "name-resolves");
        Assert.Equal((1, 1), (resolves.Observed, resolves.Critical));
        Assert.Equal(["registry"], resolves.CriticalOn.Keys);
        var mail = r.Functions.Single(f => f.Id == "mail-received");
        Assert.Equal((1, 0), (mail.Observed, mail.Critical));
        Assert.Empty(mail.CriticalOn);
        Assert.DoesNotContain(r.Companies, c => c.Id.StartsWith("self:", StringComparison.Ordinal));
        Assert.Equal(1, r.Companies.Single(c => c.Id == "registry").BreaksInherent);
    }

    [Fact]
    public void Functions_count_observed_sites_only_and_sites_without_the_function_not_at_all()
    {
        var b = new ConcentrationBuilder();
        b.Add(Site("a.test") with { Functions = [F("name-resolves", Coverage.Observed, "x"), F("revenue:ads", Coverage.Observed, "x", "ads")] });
        b.Add(Site("b.test") with { Functions = [F("name-resolves", Coverage.PartlyObserved, "x")] });
        b.Add(Site("c.test") with { Functions = [F("name-resolves", Coverage.Observed), F("mail-sent", Coverage.NotObserved)] });
        b.AddFailed("d.test");
        var r = b.Build();

        Assert.Equal(["name-resolves", "revenue:ads", "mail-sent"], r.Functions.Select(f => f.Id));
        Assert.Equal("Function name-resolves", r.Functions[0].Name);
        var resolves = r.Functions[0];
        Assert.Equal((2, 1, 1), (resolves.Observed, resolves.Incomplete, resolves.Critical));
        Assert.Equal(1, resolves.CriticalOn["x"]);
        var ads = r.Functions[1];
        Assert.Equal((1, 0, 1), (ads.Observed, ads.Incomplete, ads.Critical));
        Assert.Equal(2, ads.CriticalOn.Count);
        Assert.Equal(0.5, ads.Hhi, 9);
        Assert.Equal((0, 1), (r.Functions[2].Observed, r.Functions[2].Incomplete));
    }

    [Fact]
    public void A_company_reached_only_through_another_provider_amplifies_its_reach()
    {
        var b = new ConcentrationBuilder();
        // The CDN is chosen; its DNS provider "dnsco" is a chokepoint the site never chose.
        b.Add(Site("a.test", L(Layer.Cdn, Coverage.Observed, Dep("cdnco"))) with { Chokepoints = [Cp("cdnco"), Cp("dnsco")] });
        b.Add(Site("b.test", L(Layer.Cdn, Coverage.Observed, Dep("cdnco"))) with { Chokepoints = [Cp("cdnco"), Cp("dnsco")] });
        // dnsco used directly here.
        b.Add(Site("c.test", L(Layer.Dns, Coverage.Observed, Dep("dnsco"))) with { Chokepoints = [Cp("dnsco")] });
        // Used directly in a partly observed layer: not indirect, though not counted as a use in an observed layer.
        b.Add(Site("d.test", L(Layer.Dns, Coverage.PartlyObserved, Dep("dnsco"))) with { Chokepoints = [Cp("dnsco")] });
        var r = b.Build();

        var dnsco = r.Companies.Single(c => c.Id == "dnsco");
        Assert.Equal((1, 4, 2), (dnsco.Uses, dnsco.Breaks, dnsco.BreaksIndirectOnly));
        Assert.Equal(4.0, dnsco.Amplification);
        Assert.Equal([Layer.Dns], dnsco.Layers);
        var cdnco = r.Companies.Single(c => c.Id == "cdnco");
        Assert.Equal((2, 2, 0), (cdnco.Uses, cdnco.Breaks, cdnco.BreaksIndirectOnly));
        Assert.Equal(1.0, cdnco.Amplification);
        Assert.Equal(["dnsco", "cdnco"], r.Companies.Select(c => c.Id));
    }

    [Fact]
    public void A_company_never_used_directly_has_no_amplification_ratio()
    {
        var b = new ConcentrationBuilder();
        b.Add(Site("a.test") with { Chokepoints = [Cp("ocspco")] });
        var company = b.Build().Companies.Single();
        Assert.Equal((0, 1, 1), (company.Uses, company.Breaks, company.BreaksIndirectOnly));
        Assert.Null(company.Amplification);
    }

    [Fact]
    public void Companies_carry_functions_layers_inherent_breaks_history_and_names()
    {
        var b = new ConcentrationBuilder();
        string[] history = ["reg ended service once", "  2020-01-01 case one"];
        b.Add(Site("a.test", L(Layer.Registration, Coverage.Observed, Dep("reg")), L(Layer.Dns, Coverage.Observed, Dep("reg", entity: "reg-dns"))) with
        {
            Chokepoints = [Cp("reg", inherent: true, functions: ["name-resolves", "web-served"], history: history)],
        });
        b.Add(Site("b.test", L(Layer.Registration, Coverage.Observed, Dep("reg"))) with
        {
            Chokepoints = [Cp("reg", inherent: false, functions: ["name-resolves"], history: [history[0], "  2021-02-02 case two"])],
        });
        var r = b.Build();

        var reg = r.Companies.Single();
        Assert.Equal((2, 2, 1), (reg.Uses, reg.Breaks, reg.BreaksInherent));
        Assert.Equal(2, reg.Functions["name-resolves"]);
        Assert.Equal(1, reg.Functions["web-served"]);
        Assert.Equal([Layer.Registration, Layer.Dns], reg.Layers);
        Assert.Equal(["reg ended service once", "  2020-01-01 case one", "  2021-02-02 case two"], reg.History);
        // The owner's name (after roll-up), not the subsidiary's.
        Assert.Equal("reg Group", reg.Name);
        Assert.Equal("reg Group", r.Names["reg"]);
        Assert.False(r.Names.ContainsKey("reg-dns"));
    }

    [Fact]
    public void Failed_sites_count_as_sites_incomplete_everywhere_and_undetermined()
    {
        var b = new ConcentrationBuilder();
        b.Add(Site("a.test", L(Layer.Dns, Coverage.Observed, Dep("x"))));
        Assert.True(b.AddFailed("b.test"));
        Assert.False(b.AddFailed("A.TEST"));
        Assert.False(b.Add(Site("b.test")));
        var r = b.Build();

        Assert.Equal((2, 1, 2, 1), (r.Sites, r.Failed, r.Duplicates, r.Complete));
        Assert.All(r.Layers, l => Assert.Equal(1, l.Incomplete));
        Assert.All(r.Layers, l => Assert.Equal(1, l.Observed));
        Assert.All(r.Headlines, h => Assert.Equal(1, h.Undetermined));
        Assert.All(r.Headlines, h => Assert.Equal(1, h.Dependent));
    }

    [Fact]
    public void Complete_counts_complete_reports_only()
    {
        var b = new ConcentrationBuilder();
        b.Add(Site("a.test"));
        b.Add(Site("b.test") with { Complete = false });
        b.Add(Site("c.test") with { Complete = false });
        Assert.Equal((3, 1), (b.Build().Sites, b.Build().Complete));
    }

    [Fact]
    public void Cr3_and_hhi_over_uses_worked_by_hand()
    {
        // Uses in DNS: a on 4 sites, b on 3, c on 2, d on 1 (sites 0-3 use a; 4-6 b; 7-8 c; 9 d), and site 10 uses a
        // and b redundantly: a 5, b 4, c 2, d 1, total 12.
        var b = new ConcentrationBuilder();
        string[] owners = ["a", "a", "a", "a", "b", "b", "b", "c", "c", "d"];
        for (var i = 0; i < owners.Length; i++)
        {
            b.Add(Site($"s{i}.test", L(Layer.Dns, Coverage.Observed, Dep(owners[i]))));
        }

        b.Add(Site("s10.test", L(Layer.Dns, Coverage.Observed, Dep("a", true), Dep("b", true))));
        var dns = LayerOf(b.Build(), Layer.Dns);

        Assert.Equal(11, dns.UsingThirdParty);
        Assert.Equal(10, dns.Critical);
        Assert.Equal(5, dns.Uses["a"]);
        Assert.Equal(4, dns.CriticalOn["a"]);
        // (25 + 16 + 4 + 1) / 144
        Assert.Equal(46.0 / 144, dns.Hhi, 12);
        // (5 + 4 + 2) / 12
        Assert.Equal(11.0 / 12, dns.Top3Share, 12);
        Assert.True(dns.Hhi > 0.25);
    }

    [Fact]
    public void Uses_count_a_site_once_per_company_in_a_layer()
    {
        var b = new ConcentrationBuilder();
        b.Add(Site("a.test", L(Layer.Mail, Coverage.Observed, Dep("m"), Dep("m", entity: "m-sending"))));
        var r = b.Build();
        Assert.Equal(1, LayerOf(r, Layer.Mail).Uses["m"]);
        Assert.Equal(1, r.Companies.Single().Uses);
    }
}
