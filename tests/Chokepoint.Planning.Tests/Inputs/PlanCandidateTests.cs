using System.Text;
using Chokepoint.Attribution.Catalog;
using Chokepoint.Model;
using Chokepoint.Observations;
using Chokepoint.Observations.Dns;
using Chokepoint.Observations.Hosting;
using Chokepoint.Planning.Caa;
using Chokepoint.Planning.Inputs;
using Chokepoint.Planning.Zones;

namespace Chokepoint.Planning.Tests.Inputs;

/// <summary>What the inputs builder proposes and reads: never a retired or distrusted provider, publisher-side ad systems only, the site's own CAA.</summary>
public sealed class PlanCandidateTests
{
    private static readonly ProviderCatalog Embedded = ProviderCatalog.LoadEmbedded();

    private static PlanInputs_ Build(SiteObservations? observations = null, ProviderCatalog? catalog = null) =>
        new(PlanInputsBuilder.Build(observations ?? new SiteObservations { Domain = "example.org" }, new AuditReport { Domain = "example.org" }, catalog ?? Embedded));

    private sealed record PlanInputs_(Planning.Plans.PlanInputs Value)
    {
        public IEnumerable<Planning.Plans.ProviderCandidate> All =>
            Value.CaCandidates.Concat(Value.DnsCandidates).Concat(Value.CdnCandidates).Concat(Value.HostingCandidates)
                .Concat(Value.RegistrarCandidates).Concat(Value.BackupMxCandidates).Concat(Value.RevenueAlternatives.Values.SelectMany(v => v));
    }

    [Fact]
    public void Retired_and_distrusted_providers_are_never_proposed()
    {
        const string json = """
            { "companies": [ { "id": "old", "name": "Old Co", "parent": null }, { "id": "gone", "name": "Gone Co", "parent": null }, { "id": "new", "name": "New Co", "parent": null } ],
              "providers": [
                { "id": "old-dns", "name": "Old DNS", "company": "old", "service": "dns",
                  "status": { "state": "retired", "since": "2023-05-31", "source": "https://example.org/closed" },
                  "signals": [ { "kind": "ns", "pattern": "old.example", "source": "https://example.org/a" } ] },
                { "id": "gone-ca", "name": "Gone CA", "company": "gone", "service": "ca",
                  "status": { "state": "distrusted", "since": "2024-11-12", "source": "https://example.org/distrust" },
                  "signals": [ { "kind": "issuer", "pattern": "Gone CA", "source": "https://example.org/b" } ] },
                { "id": "new-dns", "name": "New DNS", "company": "new", "service": "dns",
                  "signals": [ { "kind": "ns", "pattern": "new.example", "source": "https://example.org/c" } ] } ] }
            """;
        var catalog = ProviderCatalog.Load([("p.json", new MemoryStream(Encoding.UTF8.GetBytes(json)))]);

        var inputs = Build(catalog: catalog);

        Assert.Equal(["New DNS"], inputs.Value.DnsCandidates.Select(c => c.Name));
        Assert.Empty(inputs.Value.CaCandidates);
    }

    [Theory]
    [InlineData("example.org", new[] { "Plain DNS" })]
    [InlineData("example.com.br", new[] { "Registry DNS", "Plain DNS" })]
    public void Parking_services_are_never_proposed_and_a_registrys_dns_only_under_its_tlds(string domain, string[] expected)
    {
        const string json = """
            { "companies": [ { "id": "park", "name": "Park Co", "parent": null }, { "id": "reg", "name": "Registry Co", "parent": null }, { "id": "plain", "name": "Plain Co", "parent": null } ],
              "providers": [
                { "id": "park-dns", "name": "Parking DNS", "company": "park", "service": "dns",
                  "proposal": { "never": "a parking service", "source": "https://example.org/park" },
                  "signals": [ { "kind": "ns", "pattern": "park.example", "source": "https://example.org/a" } ] },
                { "id": "reg-dns", "name": "Registry DNS", "company": "reg", "service": "dns",
                  "proposal": { "tlds": ["br"], "source": "https://example.org/reg" },
                  "signals": [ { "kind": "ns", "pattern": "reg.example", "source": "https://example.org/b" } ] },
                { "id": "plain-dns", "name": "Plain DNS", "company": "plain", "service": "dns",
                  "signals": [ { "kind": "ns", "pattern": "plain.example", "source": "https://example.org/c" } ] } ] }
            """;
        var catalog = ProviderCatalog.Load([("p.json", new MemoryStream(Encoding.UTF8.GetBytes(json)))]);

        var inputs = PlanInputsBuilder.Build(new SiteObservations { Domain = domain }, new AuditReport { Domain = domain }, catalog);

        Assert.Equal(expected.Order(StringComparer.Ordinal), inputs.DnsCandidates.Select(c => c.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_embedded_catalogs_parking_services_are_proposed_to_no_site()
    {
        var parking = Embedded.Providers.Where(p => p.Proposal?.Never is not null).Select(p => p.Name).ToList();
        Assert.Contains("Sedo domain parking", parking);
        foreach (var domain in new[] { "example.org", "example.com.br", "example.de" })
        {
            var inputs = PlanInputsBuilder.Build(new SiteObservations { Domain = domain }, new AuditReport { Domain = domain }, Embedded);
            Assert.Empty(inputs.DnsCandidates.Select(c => c.Name).Intersect(parking));
        }
    }

    [Theory]
    [InlineData("""{ "source": "https://example.org/x" }""", "exactly one")]
    [InlineData("""{ "never": "x", "tlds": ["br"], "source": "https://example.org/x" }""", "exactly one")]
    [InlineData("""{ "tlds": ["com.br"], "source": "https://example.org/x" }""", "not a TLD")]
    [InlineData("""{ "tlds": "br", "source": "https://example.org/x" }""", "array")]
    [InlineData("""{ "never": "x" }""", "source")]
    public void A_malformed_proposal_is_refused_with_its_place(string proposal, string expected)
    {
        var json = $$"""
            { "companies": [ { "id": "c", "name": "C", "parent": null } ],
              "providers": [ { "id": "p", "name": "P", "company": "c", "service": "dns", "proposal": {{proposal}},
                "signals": [ { "kind": "ns", "pattern": "p.example", "source": "https://example.org/a" } ] } ] }
            """;
        var failure = Assert.Throws<CatalogLoadException>(() => ProviderCatalog.Load([("p.json", new MemoryStream(Encoding.UTF8.GetBytes(json)))]));
        Assert.Contains("proposal", failure.Message, StringComparison.Ordinal);
        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_embedded_catalogs_retired_and_distrusted_providers_are_not_candidates()
    {
        var names = Build().All.Select(c => c.Name).ToList();
        var blocked = Embedded.Providers.Where(p => !p.CurrentStatus.CanBeProposed).Select(p => p.Name).ToList();

        Assert.Contains("Entrust", blocked);
        Assert.Contains("Dyn Managed DNS", blocked);
        Assert.Empty(names.Intersect(blocked));
    }

    [Fact]
    public void Ad_revenue_alternatives_are_publisher_side_ad_systems_only()
    {
        var ads = Build().Value.RevenueAlternatives["revenue:ads"];

        Assert.NotEmpty(ads);
        var providers = ads.Select(c => Embedded.Providers.First(p => p.Name == c.Name)).ToList();
        Assert.All(providers, p => Assert.Equal(AdSide.Publisher, p.AdSide));
        Assert.DoesNotContain(ads, c => c.Name.Contains("conversion", StringComparison.OrdinalIgnoreCase) || c.Name.Contains("Trade Desk", StringComparison.Ordinal));
    }

    [Fact]
    public void Observed_caa_values_are_read_without_their_quotes()
    {
        var observations = new SiteObservations
        {
            Domain = "example.org",
            Dns = new DnsObservation { Caa = new RecordSetObservation { Values = ["0 issue \"letsencrypt.org\"", "0 iodef \"mailto:caa@example.org\""], Ttl = 300 } },
        };

        var inputs = Build(observations).Value;

        Assert.Equal([new CaaRecord(0, "issue", "letsencrypt.org"), new CaaRecord(0, "iodef", "mailto:caa@example.org")], inputs.CurrentCaa);
        Assert.Contains(ZoneRecord.Caa("example.org", 300, 0, "issue", "letsencrypt.org"), inputs.ZoneRecords);
        Assert.Equal("mailto:caa@example.org", inputs.IodefContact);
    }

    [Fact]
    public void Without_a_published_iodef_no_contact_is_invented()
    {
        Assert.Null(Build().Value.IodefContact);
    }

    [Fact]
    public void An_address_that_is_not_an_ip_is_named_not_thrown()
    {
        var observations = new SiteObservations
        {
            Domain = "example.org",
            Hosts = [new HostObservation { Name = "www.example.org", Role = "www", Addresses = [new AddressObservation { Ip = "192.0.2.1\n$ORIGIN evil." }] }],
        };

        var inputs = Build(observations).Value;

        Assert.DoesNotContain(inputs.ZoneRecords, r => r.Type == ZoneRecordType.A);
        Assert.Contains(inputs.NotSeen, line => line.Contains("not an IP address", StringComparison.Ordinal));
    }

    [Fact]
    public void Names_whose_lookup_failed_are_listed_as_not_seen()
    {
        var observations = new SiteObservations
        {
            Domain = "example.org",
            Unobserved = [Unobserved.Of(GapKeys.HostWww, GapKind.Timeout, "timed out after 5 s", "www.example.org")],
        };

        var inputs = Build(observations).Value;

        Assert.Contains(inputs.NotSeen, line => line.Contains("www.example.org", StringComparison.Ordinal) && line.Contains("timed out after 5 s", StringComparison.Ordinal));
    }
}
