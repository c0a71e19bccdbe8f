using System.Globalization;
using System.Text.Json;
using Chokepoint.Attribution.Catalog;
using Chokepoint.Planning.Caa;
using Chokepoint.Planning.Zones;
using Chokepoint.Simulation;
using Chokepoint.Simulation.Demo;

namespace Chokepoint.Cli.Tests;

/// <summary>whatif, plan and --fail-on against saved observations of demo sites.</summary>
public sealed class PlanAndWhatIfTests : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("chokepoint-plan-");

    private string Observations(string site) => Path.Combine(_directory.FullName, site + ".json");

    public async Task InitializeAsync()
    {
        await using var internet = await SimulatedInternet.StartAsync(DemoWorld.Load());
        var profile = Path.Combine(_directory.FullName, "profile.json");
        await internet.WriteProfileAsync(profile, CancellationToken.None);
        foreach (var site in new[] { "onestack-demo.com", "twodns-demo.com", "twoca-demo.com", "quietharbor-consulting.com" })
        {
            var (exitCode, _, error) = await CliRunner.RunAsync(["audit", site, "--network", profile, "--save-observations", Observations(site), "--format", "json"]);
            Assert.True(exitCode == ExitCodes.Ok, error);
        }
    }

    public Task DisposeAsync()
    {
        _directory.Delete(recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Whatif_dropping_the_one_company_fails_name_web_and_https_with_a_recovery_time()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync(["whatif", Observations("onestack-demo.com"), "--drop", "Cloudflare", "--format", "json"]);

        Assert.True(exitCode == ExitCodes.Ok, error);
        using var json = JsonDocument.Parse(output);
        var functions = json.RootElement.GetProperty("functions").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!, f => f);
        foreach (var id in new[] { "name-resolves", "web-served", "https-trusted" })
        {
            Assert.Equal("fails", functions[id].GetProperty("outcome").GetString());
            Assert.NotEmpty(functions[id].GetProperty("timeToRecover").GetProperty("steps").EnumerateArray());
        }
    }

    [Fact]
    public async Task Whatif_dropping_one_of_two_dns_providers_only_degrades_resolution()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync(["whatif", Observations("twodns-demo.com"), "--drop", "ibm", "--format", "json"]);

        Assert.True(exitCode == ExitCodes.Ok, error);
        using var json = JsonDocument.Parse(output);
        var resolves = json.RootElement.GetProperty("functions").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "name-resolves");
        Assert.Equal("degrades", resolves.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Whatif_rejects_a_company_it_cannot_resolve()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync(["whatif", Observations("onestack-demo.com"), "--drop", "No Such Company Ltd"]);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("depends on", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_artifacts_are_valid_zone_files_and_caa_sets()
    {
        var artifacts = Path.Combine(_directory.FullName, "artifacts");
        var (exitCode, output, error) = await CliRunner.RunAsync(["plan", Observations("onestack-demo.com"), "--artifacts", artifacts]);

        Assert.True(exitCode == ExitCodes.Ok, error);
        Assert.Contains("Add a second DNS provider", output, StringComparison.Ordinal);
        var zoneFile = Directory.GetFiles(artifacts, "*-zonefile.txt").Single();
        var parsed = ZoneFileParser.Parse(await File.ReadAllTextAsync(zoneFile));
        Assert.Empty(parsed.Errors);
        Assert.Contains(parsed.Records, r => r.Type == ZoneRecordType.MX);
        Assert.Contains(parsed.Records, r => r.Type == ZoneRecordType.A && r.Name == "www.onestack-demo.com.");
        foreach (var caaFile in Directory.GetFiles(artifacts, "*-caarecords.txt"))
        {
            var caa = ZoneFileParser.Parse(await File.ReadAllTextAsync(caaFile), "onestack-demo.com.").Records
                .Select(CaaRecord.FromZoneRecord).OfType<CaaRecord>().ToList();
            Assert.True(caa.Count >= 2);
            Assert.True(CaaValidator.Validate(caa).IsValid);
        }
    }

    /// <summary>
    /// Regression: the plan's inputs once gave DNS and mail candidates no values, so no backup-MX artifact was ever
    /// written and the zone file never gained a second provider's nameservers.
    /// </summary>
    [Fact]
    public async Task Plan_for_one_dns_and_one_mail_provider_writes_the_secondary_nameservers_and_a_backup_mx()
    {
        var artifacts = Path.Combine(_directory.FullName, "artifacts-quietharbor");
        var (exitCode, _, error) = await CliRunner.RunAsync(["plan", Observations("quietharbor-consulting.com"), "--artifacts", artifacts]);

        Assert.True(exitCode == ExitCodes.Ok, error);
        var zone = ZoneFileParser.Parse(await File.ReadAllTextAsync(Directory.GetFiles(artifacts, "*-zonefile.txt").Single()));
        Assert.Empty(zone.Errors);
        var nameServers = zone.Records.Where(r => r.Type == ZoneRecordType.NS && r.Name == "quietharbor-consulting.com.").Select(r => r.Data).ToList();
        Assert.Contains(nameServers, ns => ns.EndsWith(".ns.cloudflare.com.", StringComparison.Ordinal));
        var secondary = ProviderCatalog.LoadEmbedded().ProvidersOf("dns").First(p => p.Planning is { SecondaryNameServers.Count: > 0 });
        Assert.All(secondary.Planning!.SecondaryNameServers, ns => Assert.Contains(ns + ".", nameServers));

        var mx = ZoneFileParser.Parse(await File.ReadAllTextAsync(Directory.GetFiles(artifacts, "*-mxrecords.txt").Single()));
        Assert.Empty(mx.Errors);
        var exchangers = mx.Records.Where(r => r.Type == ZoneRecordType.MX).Select(r => r.Data.Split(' ')).ToList();
        var primary = exchangers.Where(e => e[1].EndsWith("google.com.", StringComparison.OrdinalIgnoreCase)).ToList();
        var backup = exchangers.Single(e => !e[1].EndsWith("google.com.", StringComparison.OrdinalIgnoreCase));
        Assert.NotEmpty(primary);
        Assert.All(primary, e => Assert.True(int.Parse(backup[0], CultureInfo.InvariantCulture) > int.Parse(e[0], CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("critical", ExitCodes.FindingsAtThreshold)]
    [InlineData("low", ExitCodes.FindingsAtThreshold)]
    public async Task Fail_on_gates_on_chokepoint_severity(string level, int expected)
    {
        var (exitCode, _, _) = await CliRunner.RunAsync(["analyze", Observations("onestack-demo.com"), "--fail-on", level]);

        Assert.Equal(expected, exitCode);
    }

    [Fact]
    public async Task Without_fail_on_findings_do_not_change_the_exit_code()
    {
        var (exitCode, _, _) = await CliRunner.RunAsync(["analyze", Observations("onestack-demo.com")]);

        Assert.Equal(ExitCodes.Ok, exitCode);
    }
}
