using System.Diagnostics;
using System.Text;
using Chokepoint.Simulation.Pki;
using Chokepoint.Simulation.World;

namespace Chokepoint.Simulation.Tests.WorldFiles;

/// <summary>
/// Worlds that would break the servers or send an audit off loopback are refused: aliases that expand without
/// bound, floods of errors, dates X.509 cannot carry, addresses in odd forms, prefixes with host bits, redirects
/// out of the world and parent cycles.
/// </summary>
public sealed class WorldChecksTests
{
    /// <summary>The loader tests' valid world, with a site.</summary>
    internal const string Base = WorldLoaderTests.Valid + "\nsites:\n  - {domain: acme.com, description: \"the site\"}\n";

    internal static World.World BaseWorld()
    {
        var result = WorldLoader.Parse(Base, "base.yaml");
        Assert.True(result.Success, result.Success ? "" : result.Describe());
        var world = result.World!;

        // A second company (for parent chains) and a second web host (a redirect target inside the world).
        world.Companies.Add(new Company { Id = "holding", Name = "Acme Holding" });
        world.Zones[0].Records.Add(new ResourceRecord { Name = "www", Type = "A", Data = "127.1.0.3" });
        world.WebHosts.Add(new WebHost { Host = "www.acme.com", Pages = [new Page { Body = "<p>www</p>" }] });
        return world;
    }

    private static WorldError SingleError(World.World world) => Assert.Single(WorldLoader.Validate(world));

    [Fact]
    public void Billion_laughs_is_refused_with_one_error_in_bounded_time()
    {
        var yaml = new StringBuilder("version: 1\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 'b'; level <= 'i'; level++)
        {
            var previous = (char)(level - 1);
            yaml.Append(level).Append(": &").Append(level).Append(" [")
                .Append(string.Join(",", Enumerable.Repeat("*" + previous, 9))).Append("]\n");
        }

        Assert.True(yaml.Length < 600, $"the document is {yaml.Length} bytes");
        var clock = Stopwatch.StartNew();
        var before = GC.GetTotalAllocatedBytes(precise: false);

        var result = WorldLoader.Parse(yaml.ToString(), "lol.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Contains("aliases expand to more than", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.True(GC.GetTotalAllocatedBytes(precise: false) - before < 2L * 1024 * 1024 * 1024, "allocated more than 2 GiB");
    }

    [Fact]
    public void Ordinary_alias_reuse_is_still_read()
    {
        const string fault = "  - {target: \"ns:ns1.acme.com\", kind: servfail}\n";
        Assert.Contains(fault, Base, StringComparison.Ordinal);
        var yaml = Base.Replace(fault, "  - &f {target: \"ns:ns1.acme.com\", kind: servfail}\n" + string.Concat(Enumerable.Repeat("  - *f\n", 500)), StringComparison.Ordinal);

        var result = WorldLoader.Parse(yaml, "reuse.yaml");

        Assert.True(result.Success, result.Success ? "" : result.Describe());
        Assert.Equal(501, result.World!.Faults.Count);
    }

    [Fact]
    public void A_flood_of_errors_is_cut_to_the_maximum_with_a_count_of_the_rest()
    {
        const int companies = 200_000;
        var yaml = new StringBuilder("version: 1\ncompanies:\n");
        for (var i = 0; i < companies; i++)
        {
            yaml.Append("  - {id: c}\n");
        }

        var result = WorldLoader.Parse(yaml.ToString(), "flood.yaml");

        Assert.Equal(WorldLoadResult.MaximumErrors, result.Errors.Count);
        // Every company lacks a name, and all but the first repeat the id.
        Assert.Equal((2 * companies) - 1 - WorldLoadResult.MaximumErrors, result.OmittedErrors);
        var lines = result.Describe().Split(Environment.NewLine);
        Assert.Equal(WorldLoadResult.MaximumErrors + 1, lines.Length);
        Assert.Equal($"... and {result.OmittedErrors} more errors", lines[^1]);
        Assert.True(result.Errors[0].Line > 0, "kept errors keep their lines");
    }

    [Fact]
    public void Reader_errors_are_capped_too()
    {
        var yaml = new StringBuilder("version: 1\ncompanies:\n");
        for (var i = 0; i < 1000; i++)
        {
            yaml.Append("  - {id: c").Append(i).Append(", name: n, bogus: 1}\n");
        }

        var result = WorldLoader.Parse(yaml.ToString(), "unknown-keys.yaml");

        Assert.True(result.Errors.Count == WorldLoadResult.MaximumErrors, result.Describe());
        Assert.Equal(1000 - WorldLoadResult.MaximumErrors, result.OmittedErrors);
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z", "2027-01-01T00:00:00Z", "notBefore", "notBefore is required")]
    [InlineData("2026-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "notAfter", "outside what a certificate can carry")]
    [InlineData("1949-12-31T00:00:00Z", "2027-01-01T00:00:00Z", "notBefore", "outside what a certificate can carry")]
    public void Certificate_dates_outside_x509_are_refused(string notBefore, string notAfter, string field, string message)
    {
        var yaml = Base.Replace("notBefore: 2026-01-01T00:00:00Z", "notBefore: " + notBefore, StringComparison.Ordinal)
            .Replace("notAfter: 2027-01-01T00:00:00Z", "notAfter: " + notAfter, StringComparison.Ordinal);
        if (notBefore.StartsWith("0001", StringComparison.Ordinal))
        {
            yaml = yaml.Replace("      notBefore: " + notBefore + "\n", "", StringComparison.Ordinal);
        }

        var error = Assert.Single(WorldLoader.Parse(yaml, "dates.yaml").Errors);

        Assert.Equal($"webHosts[0].certificate.{field}", error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z", "2027-01-01T00:00:00Z")]
    [InlineData("2026-01-01T00:00:00Z", "9999-12-31T23:59:59Z")]
    [InlineData("0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z")]
    public void The_pki_makes_a_certificate_even_for_dates_no_validation_checked(string notBefore, string notAfter)
    {
        var world = BaseWorld();
        world.WebHosts[0].Certificate!.NotBefore = DateTimeOffset.Parse(notBefore, System.Globalization.CultureInfo.InvariantCulture);
        world.WebHosts[0].Certificate!.NotAfter = DateTimeOffset.Parse(notAfter, System.Globalization.CultureInfo.InvariantCulture);

        using var pki = new SimulatedPki(world, TimeProvider.System);
        var context = pki.GetServerContext("acme.com");

        Assert.NotNull(context);
        Assert.True(context.TargetCertificate.NotAfter > context.TargetCertificate.NotBefore);
    }

    [Theory]
    [InlineData("2130706433")]
    [InlineData("127.1")]
    [InlineData("0177.0.0.1")]
    [InlineData("0x7f.0.0.1")]
    [InlineData("127.000.000.001")]
    [InlineData(" 127.0.0.1")]
    [InlineData("127.0.0.1%eth0")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("8.8.8.8")]
    public void Addresses_must_be_loopback_written_plainly(string address)
    {
        var world = BaseWorld();
        world.DnsServices[0].NameServers[0].Addresses[0] = address;

        var error = SingleError(world);

        Assert.Equal("dnsServices[0].nameServers[0].addresses[0]", error.Path);
    }

    [Theory]
    [InlineData("2130706433")]
    [InlineData("127.1")]
    [InlineData("8.8.8.8")]
    public void Record_addresses_must_be_loopback_written_plainly(string address)
    {
        var world = BaseWorld();
        world.Zones[0].Records[0].Data = address;

        Assert.Equal("zones[0].records[0].data", SingleError(world).Path);
    }

    [Theory]
    [InlineData("127.1.0.1/16", "host bits set")]
    [InlineData("127.1.0.0/8", "host bits set")]
    [InlineData("2130706432/8", "not a CIDR prefix")]
    [InlineData("127.0.0.0/08", "not a CIDR prefix")]
    [InlineData("127.0.0.0/33", "not a CIDR prefix")]
    [InlineData("10.0.0.0/8", "not inside 127.0.0.0/8")]
    [InlineData("126.0.0.0/7", "not inside 127.0.0.0/8")]
    [InlineData("127.0.0.0/7", "host bits set")]
    public void Prefixes_must_be_networks_inside_loopback(string prefix, string message)
    {
        var world = BaseWorld();
        world.AddressSpace[0].Prefix = prefix;

        var error = SingleError(world);

        Assert.Equal("addressSpace[0].prefix", error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2130706433")]
    [InlineData("127.0.0.1")]
    [InlineData("0x7f.1")]
    [InlineData("rdap.123")]
    public void Host_names_that_read_as_addresses_are_refused(string host)
    {
        var world = BaseWorld();
        world.Registries[0].RdapHost = host;

        Assert.Equal("registries[0].rdapHost", SingleError(world).Path);
    }

    [Theory]
    [InlineData("https://8.8.8.8/", "names an address")]
    [InlineData("http://2130706433/", "names an address")]
    [InlineData("http://127.0.0.1:8080/", "names an address")]
    [InlineData("https://[::1]/", "names an address")]
    [InlineData("https://example.org/", "leaves the world")]
    [InlineData("//example.org/path", "neither a path")]
    [InlineData("/\\example.org", "neither a path")]
    [InlineData("ftp://acme.com/", "neither a path")]
    [InlineData("javascript:alert(1)", "neither a path")]
    public void Redirects_must_stay_in_the_world(string location, string message)
    {
        var world = BaseWorld();
        world.WebHosts[0].Pages.Add(new Page { Path = "/go", Status = 302, Redirect = location });

        var error = SingleError(world);

        Assert.Equal("webHosts[0].pages[1].redirect", error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/menu")]
    [InlineData("https://www.acme.com/")]
    [InlineData("http://ACME.com:8443/x?y=1")]
    public void Redirects_within_the_world_are_allowed(string location)
    {
        var world = BaseWorld();
        world.WebHosts[0].Pages.Add(new Page { Path = "/go", Status = 301, Redirect = location });

        Assert.Empty(WorldLoader.Validate(world));
    }

    [Theory]
    [InlineData("location", "https://8.8.8.8/")]
    [InlineData("Content-Location", "https://example.org/")]
    [InlineData("refresh", "0; url=https://example.org/")]
    public void Headers_that_send_clients_elsewhere_are_checked_as_redirects(string name, string value)
    {
        var world = BaseWorld();
        world.WebHosts[0].Pages[0].Headers[name] = value;
        world.WebHosts[1].Headers[name] = value;

        var errors = WorldLoader.Validate(world);

        Assert.Equal([$"webHosts[0].pages[0].headers.{name}", $"webHosts[1].headers.{name}"], errors.Select(e => e.Path));
    }

    [Fact]
    public void A_company_that_is_its_own_parent_is_refused()
    {
        var world = BaseWorld();
        world.Companies[0].Parent = "acme";

        var error = SingleError(world);

        Assert.Equal("companies[0].parent", error.Path);
        Assert.Equal("company 'acme' is its own parent", error.Message);
    }

    [Fact]
    public void A_parent_cycle_is_reported_once()
    {
        var world = BaseWorld();
        world.Companies.Add(new Company { Id = "top", Name = "Top" });
        world.Companies[0].Parent = "holding";
        world.Companies[1].Parent = "top";
        world.Companies[2].Parent = "acme";

        var error = SingleError(world);

        Assert.Equal("companies[0].parent", error.Path);
        Assert.Equal("parent cycle: acme -> holding -> top -> acme", error.Message);
    }

    [Fact]
    public void A_parent_chain_without_a_cycle_is_fine()
    {
        var world = BaseWorld();
        world.Companies[0].Parent = "holding";

        Assert.Empty(WorldLoader.Validate(world));
    }

    [Fact]
    public void A_site_may_name_an_unregistered_domain_under_a_registry_of_the_world()
    {
        var world = BaseWorld();
        world.Sites.Add(new SiteInfo { Domain = "does-not-exist.com", Description = "NXDOMAIN at the registry" });

        Assert.Empty(WorldLoader.Validate(world));
    }

    [Theory]
    [InlineData("nowhere.org", "no registry for its TLD")]
    [InlineData("not a name.com", "not a valid domain name")]
    public void A_site_outside_every_registry_is_refused(string domain, string message)
    {
        var world = BaseWorld();
        world.Sites.Add(new SiteInfo { Domain = domain });

        var error = SingleError(world);

        Assert.Equal("sites[1].domain", error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_world_read_from_a_stream_places_errors_on_their_lines()
    {
        var yaml = Base.Replace("ianaId: 9999, company: acme", "ianaId: 9999, company: nobody", StringComparison.Ordinal);
        var opened = 0;

        var result = WorldLoader.Load(
            () =>
            {
                opened++;
                return new MemoryStream(Encoding.UTF8.GetBytes(yaml));
            },
            "stream.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal("registrars[0].company", error.Path);
        Assert.Equal(12, error.Line);
        Assert.Equal(2, opened);
    }

    [Fact]
    public void A_valid_world_from_a_stream_is_read_once()
    {
        var opened = 0;

        var result = WorldLoader.Load(
            () =>
            {
                opened++;
                return new MemoryStream(Encoding.UTF8.GetBytes(Base));
            },
            "stream.yaml");

        Assert.True(result.Success, result.Success ? "" : result.Describe());
        Assert.Equal(1, opened);
    }
}
