using System.Globalization;
using System.Text.Json;
using System.CommandLine;
using System.Text.Json.Nodes;
using Chokepoint.Cli.Commands;
using Chokepoint.Cli.Console;
using Chokepoint.Engine.Data;
using Chokepoint.Model;
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
        var recoveries = json.RootElement.GetProperty("recoveries").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!, r => r);
        foreach (var id in new[] { "name-resolves", "web-served", "https-trusted" })
        {
            Assert.Equal("fails", functions[id].GetProperty("outcome").GetString());
            foreach (var named in functions[id].GetProperty("timeToRecover").GetProperty("recoveries").EnumerateArray())
            {
                var recovery = recoveries[named.GetString()!];
                Assert.Contains(id, recovery.GetProperty("functions").EnumerateArray().Select(f => f.GetString()));
                Assert.NotEmpty(recovery.GetProperty("steps").EnumerateArray());
            }
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
    public async Task Whatif_dropping_a_company_the_site_does_not_use_says_so_in_one_line()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync(["whatif", Observations("onestack-demo.com"), "--drop", "fastly"]);

        Assert.True(exitCode == ExitCodes.Ok, error);
        Assert.Contains("Fastly, Inc. is not among this site's suppliers; nothing changes", output, StringComparison.Ordinal);
        Assert.DoesNotContain("UNAFFECTED", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whatif_describes_each_recovery_once_however_many_functions_it_restores()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync(["whatif", Observations("onestack-demo.com"), "--drop", "cloudflare"]);

        Assert.True(exitCode == ExitCodes.Ok, error);
        // Cloudflare's DNS (with the transfer away from Cloudflare as registrar) brings back the name, the pages,
        // HTTPS and mail: its steps are written once, and every function names that replacement.
        var lines = output.Split('\n');
        Assert.Single(lines, line => line.Contains("transfer to another registrar", StringComparison.Ordinal));
        Assert.Single(lines, line => line.StartsWith("r1 Replace Cloudflare, Inc.'s dns:", StringComparison.Ordinal));
        Assert.Equal(4, lines.Count(line => line.Contains("back in ", StringComparison.Ordinal) && System.Text.RegularExpressions.Regex.IsMatch(line, @"\br1\b")));
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
        // onestack-demo.com has avoidable critical chokepoints besides the registry: Cloudflare (registrar, but also
        // DNS and CDN) and Alphabet (the only CA).
        var (exitCode, _, _) = await CliRunner.RunAsync(["analyze", Observations("onestack-demo.com"), "--fail-on", level]);

        Assert.Equal(expected, exitCode);
    }

    [Fact]
    public async Task The_registry_is_inherent_and_a_registrar_that_also_runs_the_dns_is_not()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync(["analyze", Observations("onestack-demo.com"), "--format", "json"]);

        Assert.True(exitCode == ExitCodes.Ok, error);
        var chokepoints = JsonDocument.Parse(output).RootElement.GetProperty("chokepoints").EnumerateArray()
            .ToDictionary(c => c.GetProperty("entity").GetProperty("id").GetString()!);
        Assert.True(chokepoints["verisign"].GetProperty("inherent").GetBoolean());
        Assert.Equal("every .com name has one registry", chokepoints["verisign"].GetProperty("inherentReason").GetString());
        Assert.False(chokepoints["cloudflare"].GetProperty("inherent").GetBoolean());
        Assert.False(chokepoints["cloudflare"].TryGetProperty("inherentReason", out _));
        Assert.False(chokepoints["alphabet"].GetProperty("inherent").GetBoolean());
    }

    [Fact]
    public async Task Fail_on_passes_when_only_inherent_chokepoints_are_critical_unless_they_are_included()
    {
        var file = await RegistrationOnlyAsync("twodns-demo.com");

        var (passed, _, passError) = await CliRunner.RunAsync(["analyze", file, "--fail-on", "critical"]);
        var (included, _, _) = await CliRunner.RunAsync(["analyze", file, "--fail-on", "critical", "--include-inherent"]);
        var (_, view, _) = await CliRunner.RunAsync(["analyze", file]);
        // The terminal view wraps at words: read it back as running text.
        var table = System.Text.RegularExpressions.Regex.Replace(view, "\\s+", " ");

        // The gate passes; the result (registration only) is incomplete, which has its own exit code.
        Assert.True(passed == ExitCodes.Incomplete, passError);
        Assert.Contains("incomplete result", passError, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.FindingsAtThreshold, included);
        Assert.Contains("inherent: every .com name has one registry", table, StringComparison.Ordinal);
        Assert.Contains("inherent: a name has one registrar at a time, changed only by a transfer", table, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("F", ExitCodes.Ok)]
    [InlineData("E", ExitCodes.Ok)]
    [InlineData("D", ExitCodes.FindingsAtThreshold)]
    [InlineData("A", ExitCodes.FindingsAtThreshold)]
    public async Task Fail_grade_fails_only_on_a_worse_grade(string limit, int expected)
    {
        // onestack-demo.com is graded E: Cloudflare and Alphabet can each alone break a critical function.
        var (exitCode, _, error) = await CliRunner.RunAsync(["analyze", Observations("onestack-demo.com"), "--fail-grade", limit]);

        Assert.Equal(expected, exitCode);
        Assert.DoesNotContain("not graded", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fail_grade_fails_a_report_that_is_not_graded_and_says_so()
    {
        // Attribution always names the TLD registry, so a report is ungraded only when the analysis found no
        // function at all: built here directly.
        var gate = new GateOptions();
        var command = new Command("analyze");
        gate.AddTo(command);
        var parsed = command.Parse(["--fail-grade", "F"]);
        using var console = new StringCliConsole();
        var context = new CliContext(console, TimeProvider.System, DataDirectory.Locate());
        var report = new AuditReport { Domain = "nothing-seen.example", GradeExplanation = "not graded: too little was observed" };

        var exitCode = await gate.ExitCodeForAsync(context, parsed, [report], CancellationToken.None);

        Assert.Equal(ExitCodes.FindingsAtThreshold, exitCode);
        Assert.Contains("--fail-grade F: nothing-seen.example is not graded, which fails the gate (not graded: too little was observed)", console.ErrorText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_refuses_a_report_json_in_one_line()
    {
        var report = Path.Combine(_directory.FullName, "report.json");
        var (_, json, _) = await CliRunner.RunAsync(["analyze", Observations("onestack-demo.com"), "--format", "json"]);
        await File.WriteAllTextAsync(report, json);

        var (exitCode, output, error) = await CliRunner.RunAsync(["analyze", report]);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Empty(output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("report", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whatif_in_markdown_goes_to_the_file_given_with_o()
    {
        var file = Path.Combine(_directory.FullName, "whatif.md");

        var (exitCode, output, error) = await CliRunner.RunAsync(["whatif", Observations("onestack-demo.com"), "--drop", "cloudflare", "--format", "markdown", "-o", file]);

        Assert.True(exitCode == ExitCodes.Ok, error);
        Assert.Empty(output);
        Assert.Contains($"written to {file}", error, StringComparison.Ordinal);
        var markdown = await File.ReadAllTextAsync(file);
        Assert.StartsWith("# What if Cloudflare, Inc. stopped serving onestack-demo.com?", markdown, StringComparison.Ordinal);
        Assert.Contains("| Outcome | Function | Why | Time to recover |", markdown, StringComparison.Ordinal);
        Assert.Contains("| **fails** | ", markdown, StringComparison.Ordinal);
        // Each replacement once, as in the terminal view.
        Assert.Single(markdown.Split('\n'), line => line.StartsWith("### r1: replace ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plan_goes_to_the_file_given_with_o_and_refuses_its_own_input()
    {
        var file = Path.Combine(_directory.FullName, "plan.md");

        var (exitCode, output, error) = await CliRunner.RunAsync(["plan", Observations("onestack-demo.com"), "--format", "markdown", "--output", file]);
        var (refused, _, refusal) = await CliRunner.RunAsync(["plan", Observations("onestack-demo.com"), "-o", Observations("onestack-demo.com")]);

        Assert.True(exitCode == ExitCodes.Ok, error);
        Assert.Empty(output);
        Assert.Contains("Add a second DNS provider", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageError, refused);
        Assert.Contains("given as both the observations file and --output", refusal, StringComparison.Ordinal);
    }

    /// <summary>Regression: durations were written as .NET's "2.00:00:00", which no other language reads as a duration.</summary>
    [Fact]
    public async Task Durations_in_report_and_whatif_json_are_iso_8601()
    {
        var (_, report, _) = await CliRunner.RunAsync(["analyze", Observations("onestack-demo.com"), "--format", "json"]);
        var (_, whatIf, _) = await CliRunner.RunAsync(["whatif", Observations("onestack-demo.com"), "--drop", "cloudflare", "--format", "json"]);

        var durations = JsonDocument.Parse(report).RootElement.GetProperty("chokepoints").EnumerateArray()
            .Where(c => c.TryGetProperty("timeToRecover", out _))
            .SelectMany(c => new[] { c.GetProperty("timeToRecover").GetProperty("low"), c.GetProperty("timeToRecover").GetProperty("high") })
            .Concat(JsonDocument.Parse(whatIf).RootElement.GetProperty("recoveries").EnumerateArray().SelectMany(r => new[] { r.GetProperty("low"), r.GetProperty("high") }))
            .Select(d => d.GetString()!)
            .ToList();
        Assert.True(durations.Count >= 4);
        Assert.All(durations, d => Assert.Matches(@"^P(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$", d));
        Assert.All(durations, d => Assert.True(System.Xml.XmlConvert.ToTimeSpan(d) >= TimeSpan.Zero));
    }

    /// <summary>The site's observations with only the registration's registry and registrar kept (no DNS seen).</summary>
    private async Task<string> RegistrationOnlyAsync(string site)
    {
        var observations = JsonNode.Parse(await File.ReadAllTextAsync(Observations(site)))!.AsObject();
        var kept = Keep(observations, "format", "formatVersion", "domain", "collectedAt", "network", "toolVersion", "registration");
        kept["registration"]!.AsObject().Remove("nameServers");
        var file = Path.Combine(_directory.FullName, site + ".registration-only.json");
        await File.WriteAllTextAsync(file, kept.ToJsonString());
        return file;
    }

    private static JsonObject Keep(JsonObject observations, params string[] names) =>
        new(observations.Where(p => names.Contains(p.Key)).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));

    [Fact]
    public async Task Without_fail_on_findings_do_not_change_the_exit_code()
    {
        var (exitCode, _, _) = await CliRunner.RunAsync(["analyze", Observations("onestack-demo.com")]);

        Assert.Equal(ExitCodes.Ok, exitCode);
    }
}
