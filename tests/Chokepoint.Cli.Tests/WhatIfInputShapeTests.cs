namespace Chokepoint.Cli.Tests;

/// <summary>
/// whatif (and plan) given a JSON list of reports, as <c>demo --format json</c> writes, or a JSON Lines file: one line
/// that says what the file holds and what is expected, exit 2. Before, the list was "must hold one JSON object" and
/// JSON Lines a parser error.
/// </summary>
public sealed class WhatIfInputShapeTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("chokepoint-whatif-shape-");

    public void Dispose() => _folder.Delete(recursive: true);

    private const string Report = """{"reportVersion": "1.0", "domain": "a.org", "layers": []}""";
    private const string Observations = """{"format": "chokepoint-observations", "formatVersion": 2, "domain": "a.org"}""";

    private const string Expected = "not one site's observations: a single JSON object as 'chokepoint audit --save-observations' writes is expected";

    public static TheoryData<string, string> Cases => new()
    {
        { $"[{Report}, {Report}, {Report}]", $"this file holds a JSON list of 3 values (Chokepoint reports), {Expected}; a report cannot be read back: save the site's observations with 'chokepoint audit DOMAIN --save-observations FILE'" },
        { $"{Report}\n{Report}\n", $"this file holds 2 values one after another, JSON Lines (Chokepoint reports), {Expected}; a report cannot be read back: save the site's observations with 'chokepoint audit DOMAIN --save-observations FILE'" },
        { $"{Observations}\n{Observations}\n", $"this file holds 2 values one after another, JSON Lines (observations of several sites), {Expected}; give each site's observations in a file of its own" },
        { $"[{Observations}]", $"this file holds a JSON list of 1 value (one site's observations), {Expected}; give each site's observations in a file of its own" },
        { "[]", $"this file holds an empty JSON list, {Expected}" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_list_or_json_lines_is_one_line_saying_what_the_file_holds_and_exit_2(string text, string expected)
    {
        var path = Path.Combine(_folder.FullName, "reports.json");
        await File.WriteAllTextAsync(path, text);

        var (exitCode, output, error) = await CliRunner.RunAsync(["whatif", path, "--drop", "cloudflare"]);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Equal($"chokepoint: {path}: {expected}", error.Trim());
        Assert.Equal("", output);
    }

    [Fact]
    public async Task One_report_keeps_its_own_message()
    {
        var path = Path.Combine(_folder.FullName, "report.json");
        await File.WriteAllTextAsync(path, Report);

        var (exitCode, _, error) = await CliRunner.RunAsync(["whatif", path, "--drop", "cloudflare"]);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.StartsWith($"chokepoint: {path}: this is a Chokepoint report", error.Trim(), StringComparison.Ordinal);
    }
}
