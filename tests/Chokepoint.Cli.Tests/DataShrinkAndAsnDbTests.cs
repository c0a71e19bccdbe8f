using System.Globalization;
using System.Text;
using Chokepoint.Cli.Console;
using Chokepoint.Engine.Data;

namespace Chokepoint.Cli.Tests;

/// <summary>
/// Data that shrinks or is empty is never taken silently: <c>data update</c> refuses a table of less than half the
/// installed rows unless <c>--force</c>, and <c>--asn-db</c> refuses a file with no range before any network work,
/// and says how many lines it skipped in one that has some. Before, both replaced good data without a word.
/// </summary>
public sealed class DataShrinkAndAsnDbTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("chokepoint-shrink-");
    private readonly DataDirectory data;

    public DataShrinkAndAsnDbTests()
    {
        data = new DataDirectory(Path.Combine(folder.FullName, "data"));
        Directory.CreateDirectory(data.IndexDirectory);
        File.WriteAllText(data.PublicSuffixOverride, SuffixList(3000));
        DataUpdater.Update(data, [new FileInfo(Write("good.csv", Ranges(20)))], null, null);
    }

    public void Dispose() => folder.Delete(recursive: true);

    private static string Ranges(int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"10.0.{i}.0,10.0.{i}.255,{64500 + i},ORG{i}\n");
        }

        return text.ToString();
    }

    private static string SuffixList(int rules) =>
        string.Concat(Enumerable.Range(0, rules).Select(i => string.Create(CultureInfo.InvariantCulture, $"tld{i}\n"))) + "com\norg\nexample\n";

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        using var console = new StringCliConsole();
        var exitCode = await CliApplication.RunAsync(args, new CliContext(console, TimeProvider.System, data), CancellationToken.None);
        return (exitCode, console.OutText, console.ErrorText);
    }

    [Fact]
    public async Task An_ip_to_asn_table_of_less_than_half_the_installed_rows_is_refused_in_one_line_unless_forced()
    {
        var before = File.ReadAllBytes(data.AsnIndex);
        var small = Write("small.csv", Ranges(9));

        var (exitCode, output, error) = await RunAsync("data", "update", "--asn-csv", small);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Empty(output);
        Assert.Equal("chokepoint: the new IP-to-ASN table has 9 ranges, less than half of the 20 installed; give --force to replace it anyway; the installed index is unchanged", error.Trim());
        Assert.Equal(before, File.ReadAllBytes(data.AsnIndex));

        var forced = await RunAsync("data", "update", "--asn-csv", small, "--force");

        Assert.Equal(ExitCodes.Ok, forced.ExitCode);
        Assert.Contains("indexed 9 IPv4", forced.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ip_to_asn_table_of_half_the_installed_rows_is_accepted()
    {
        var (exitCode, output, _) = await RunAsync("data", "update", "--asn-csv", Write("half.csv", Ranges(10)));

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("indexed 10 IPv4", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_public_suffix_list_of_less_than_half_the_installed_rules_is_refused_unless_forced()
    {
        var before = File.ReadAllText(data.PublicSuffixOverride);
        var smaller = Write("smaller.dat", SuffixList(1200));

        var (exitCode, _, error) = await RunAsync("data", "update", "--asn-csv", Write("same.csv", Ranges(20)), "--psl", smaller);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Equal($"chokepoint: {smaller}: 1203 rules, less than half of the 3003 installed; give --force to install it anyway; the installed list is unchanged", error.Trim());
        Assert.Equal(before, File.ReadAllText(data.PublicSuffixOverride));

        var forced = await RunAsync("data", "update", "--asn-csv", Write("same.csv", Ranges(20)), "--psl", smaller, "--force");

        Assert.Equal(ExitCodes.Ok, forced.ExitCode);
        Assert.Contains("installed a Public Suffix List of 1203 rules", forced.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("garbage.csv", "<html><body>404 Not Found</body></html>\n")]
    [InlineData("psl.csv", "// a public suffix list\ncom\norg\n")]
    public async Task An_asn_db_with_no_range_is_refused_before_any_network_work(string name, string text)
    {
        var path = Write(name, text);

        var (exitCode, output, error) = await RunAsync(
            "audit", "example.org", "--asn-db", path, "--resolver", "127.0.0.1:1", "--rdap-bootstrap", "http://127.0.0.1:1/",
            "--address-policy", "simulation", "--timeout", "2", "--format", "json");

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Empty(output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"chokepoint: {path}: no IP-to-ASN range in ", line, StringComparison.Ordinal);
        Assert.Contains("--asn-db takes a CSV of start_ip,end_ip,asn,organisation", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_asn_db_with_some_bad_lines_loads_the_good_ones_and_warns_how_many_were_skipped()
    {
        var path = Write("mixed.csv", "1.0.0.0,1.0.0.255,13335,CLOUDFLARENET\nnot a range\n8.8.8.0,8.8.8.255,15169,GOOGLE\n");

        var (exitCode, output, error) = await RunAsync("identify", "ip", "8.8.8.8", "--asn-db", path, "--format", "json");

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("15169", output, StringComparison.Ordinal);
        var warning = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"warning: {path}: 1 of 3 lines skipped, not start_ip,end_ip,asn,organisation (first: ", warning, StringComparison.Ordinal);
        Assert.EndsWith("2 ranges loaded", warning.TrimEnd(), StringComparison.Ordinal);
    }
}
