using Chokepoint.Attribution.Catalog;
using Chokepoint.Model;
using Chokepoint.Observations;
using Chokepoint.Observations.Hosting;
using Chokepoint.Planning.Inputs;

namespace Chokepoint.Planning.Tests.Inputs;

public sealed class PlanInputsBuilderTests
{
    private static HostObservation Host(string name, string role, string ip) =>
        new() { Name = name, Role = role, Addresses = [new AddressObservation { Ip = ip }], Ttl = 300 };

    /// <summary>
    /// Regression: the zone's records were every observed host whose name ended with the domain's text, so
    /// "notrt.com" and a provider's OCSP host kept in the observations ended up in the site's zone file.
    /// </summary>
    [Fact]
    public void The_zone_holds_only_the_sites_own_names()
    {
        var observations = new SiteObservations
        {
            Domain = "rt.com",
            Hosts =
            [
                Host("rt.com", "apex", "192.0.2.1"),
                Host("www.rt.com", "www", "192.0.2.2"),
                Host("ocsp.digicert.com", "ocsp", "192.0.2.3"),
                Host("ocsp.rt.com", "ocsp", "192.0.2.4"),
                Host("support.notrt.com", "origin", "192.0.2.5"),
            ],
        };

        var inputs = PlanInputsBuilder.Build(observations, new AuditReport { Domain = "rt.com" }, ProviderCatalog.LoadEmbedded());

        Assert.Equal(["rt.com.", "www.rt.com."], inputs.ZoneRecords.Select(r => r.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Dns_candidates_that_publish_their_secondary_nameservers_come_first_with_their_source()
    {
        var inputs = PlanInputsBuilder.Build(new SiteObservations { Domain = "rt.com" }, new AuditReport { Domain = "rt.com" }, ProviderCatalog.LoadEmbedded());

        var first = inputs.DnsCandidates[0];
        Assert.NotNull(first.Hosts);
        Assert.NotEmpty(first.Hosts);
        Assert.StartsWith("https://", first.Source, StringComparison.Ordinal);
        Assert.All(inputs.DnsCandidates.Skip(1).Where(c => c.Hosts is not null), c => Assert.NotEmpty(c.Hosts!));
    }
}
