using System.Text.Json;

namespace Chokepoint.Cli.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public async Task Help_lists_every_command()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync(["--help"]);

        Assert.Equal(ExitCodes.Ok, exitCode);
        foreach (var command in new[] { "audit", "analyze", "identify", "demo", "sim", "data" })
        {
            Assert.Contains(command, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Version_prints_the_version()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync(["--version"]);

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", output.Trim());
    }

    [Theory]
    [InlineData("--no-such-option")]
    [InlineData("audit")]
    [InlineData("identify", "planet", "x")]
    [InlineData("audit", "example.org", "--format", "yaml")]
    public async Task Usage_errors_exit_with_2(params string[] args)
    {
        var (exitCode, _, error) = await CliRunner.RunAsync(args);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("chokepoint:", error, StringComparison.Ordinal);
    }

    /// <summary>
    /// Regression: a resolver that is not ADDRESS:PORT crashed with an unhandled exception (exit 134), and an empty one
    /// or a bootstrap that is not a URL fell back to the real internet; every setting is now checked before any
    /// network work.
    /// </summary>
    /// <remarks>
    /// Every other setting points at loopback under the simulation policy, so that even a regression sends nothing
    /// off this machine (an empty resolver, which would mean the system's, is checked in <c>EngineSettingsTests</c>).
    /// </remarks>
    [Theory]
    [InlineData("--resolver", "foo:53", "network.resolver")]
    [InlineData("--resolver", "127.0.0.1:99999", "network.resolver")]
    [InlineData("--rdap-bootstrap", "not a url", "network.rdapBootstrap")]
    [InlineData("--rdap-bootstrap", "", "network.rdapBootstrap")]
    public async Task A_bad_network_setting_is_one_line_and_exit_2_before_any_network_work(string option, string value, string named)
    {
        string[] loopback = option == "--resolver" ? ["--rdap-bootstrap", "http://127.0.0.1:1/"] : ["--resolver", "127.0.0.1:1"];
        var (exitCode, output, error) = await CliRunner.RunAsync(["audit", "example.org", option, value, .. loopback, "--address-policy", "simulation", "--timeout", "2"]);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Empty(output);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(named, error, StringComparison.Ordinal);
    }

    /// <summary>Regression: a profile with a misspelled key was read as if the key were absent (the real internet's default).</summary>
    [Fact]
    public async Task A_network_profile_with_an_unknown_key_is_refused()
    {
        var profile = Path.GetTempFileName();
        try
        {
            // Loopback everywhere but for the misspelled key, so even a regression sends nothing off this machine.
            await File.WriteAllTextAsync(profile, """{"resolver": "127.0.0.1:1", "rdapBootstrap": "http://127.0.0.1:1/", "dnsPrt": 53, "name": "demo"}""");
            var (exitCode, _, error) = await CliRunner.RunAsync(["audit", "example.org", "--network", profile, "--timeout", "2"]);

            Assert.Equal(ExitCodes.UsageError, exitCode);
            Assert.Contains("dnsPrt", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(profile);
        }
    }

    [Theory]
    [InlineData("exa mple.org", "not a domain name")]
    [InlineData("-bad-.com", "not a domain name")]
    [InlineData("127.0.0.1", "not a domain name")]
    public async Task Invalid_domains_get_a_clear_message(string domain, string expected)
    {
        var (exitCode, _, error) = await CliRunner.RunAsync(["audit", domain, "--timeout", "1"]);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Identify_names_the_company_rule_and_source()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync(["identify", "ns", "NS-12.AWSDNS-01.ORG.", "--format", "json"]);

        Assert.Equal(ExitCodes.Ok, exitCode);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("amazon", json.RootElement.GetProperty("entity").GetProperty("id").GetString());
        Assert.StartsWith("https://", json.RootElement.GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("rule").GetProperty("pattern").GetString()));
    }

    [Fact]
    public async Task Identify_does_not_match_a_lookalike_by_substring()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync(["identify", "ns", "ns.cloudflare.com.evil.example", "--format", "json"]);

        Assert.Equal(ExitCodes.Ok, exitCode);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("entity").ValueKind);
    }

    [Fact]
    public async Task Identify_reads_a_header_and_a_registrar_id()
    {
        var header = await CliRunner.RunAsync(["identify", "header", "cf-ray: 8a1b2c3d-AMS"]);
        var registrar = await CliRunner.RunAsync(["identify", "registrar", "146"]);

        Assert.Contains("Cloudflare", header.Out, StringComparison.Ordinal);
        Assert.Contains("GoDaddy", registrar.Out, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Data_status_lists_every_data_set_with_its_licence()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync(["data", "status", "--format", "json"]);

        Assert.Equal(ExitCodes.Ok, exitCode);
        using var json = JsonDocument.Parse(output);
        var names = json.RootElement.EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
        Assert.Contains("ip-to-asn", names);
        Assert.Contains("public-suffix-list", names);
        Assert.Contains(json.RootElement.EnumerateArray(), e => e.GetProperty("licence").GetString() == "CC BY 4.0");
    }

    [Fact]
    public async Task Data_update_indexes_a_given_tsv_file()
    {
        var directory = Directory.CreateTempSubdirectory("chokepoint-data-");
        try
        {
            var tsv = Path.Combine(directory.FullName, "ip2asn.tsv");
            await File.WriteAllTextAsync(tsv, "1.0.0.0\t1.0.0.255\t13335\tUS\tCLOUDFLARENET\n1.0.1.0\t1.0.3.255\t0\tNone\tNot routed\nbroken line\n");
            var data = new Engine.Data.DataDirectory(Path.Combine(directory.FullName, "data"));

            var lines = Engine.Data.DataUpdater.Update(data, [], new FileInfo(tsv), null);

            Assert.Contains(lines, line => line.Contains("1 ranges (2 unrouted or malformed lines skipped)", StringComparison.Ordinal));
            Assert.True(File.Exists(data.AsnIndex));
            var identified = await CliRunner.RunAsync(["identify", "ip", "1.0.0.7", "--asn-db", data.AsnIndex, "--format", "json"]);
            using var json = JsonDocument.Parse(identified.Out);
            Assert.Equal("cloudflare", json.RootElement.GetProperty("entity").GetProperty("id").GetString());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Analyze_rejects_a_missing_or_broken_file_with_a_usage_error()
    {
        var missing = await CliRunner.RunAsync(["analyze", "/nonexistent/obs.json"]);
        var path = Path.GetTempFileName();
        await File.WriteAllTextAsync(path, "{ not json");
        var broken = await CliRunner.RunAsync(["analyze", path]);
        File.Delete(path);

        Assert.Equal(ExitCodes.UsageError, missing.ExitCode);
        Assert.Contains("no such file", missing.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageError, broken.ExitCode);
        Assert.Contains("not valid observations JSON", broken.Error, StringComparison.Ordinal);
    }
}
