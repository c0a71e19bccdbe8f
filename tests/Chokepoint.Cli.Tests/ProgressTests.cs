using System.Text.Json.Nodes;
using Chokepoint.Cli.Console;
using Chokepoint.Engine;
using Chokepoint.Simulation;
using Chokepoint.Simulation.Demo;

namespace Chokepoint.Cli.Tests;

/// <summary>Progress on stderr: the audit's phases and demo's sites; off with --quiet and when stderr is not a terminal.</summary>
public sealed class ProgressTests : IAsyncLifetime
{
    private static readonly string[] Phases = ["registration", "dns", "nameserver domains", "hosts", "mail", "tls and http", "page", "upstream zones"];

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("chokepoint-progress-");
    private SimulatedInternet _internet = null!;
    private string _profile = null!;

    public async Task InitializeAsync()
    {
        _internet = await SimulatedInternet.StartAsync(DemoWorld.Load());
        _profile = Path.Combine(_directory.FullName, "profile.json");
        await _internet.WriteProfileAsync(_profile, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _internet.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    private static string WithoutCollectionTime(string json)
    {
        var report = JsonNode.Parse(json)!.AsObject();
        report.Remove("collectedAt");
        return report.ToJsonString();
    }

    [Fact]
    public async Task With_progress_every_phase_of_the_audit_appears_on_stderr_and_stdout_is_unchanged()
    {
        var shown = await CliRunner.RunAsync(["audit", "onestack-demo.com", "--network", _profile, "--format", "json", "--progress"]);
        var plain = await CliRunner.RunAsync(["audit", "onestack-demo.com", "--network", _profile, "--format", "json"]);

        Assert.True(shown.ExitCode == ExitCodes.Ok, shown.Error);
        var lines = shown.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("onestack-demo.com: collecting", lines[0]);
        foreach (var phase in Phases)
        {
            Assert.Single(lines, line => line.StartsWith($"onestack-demo.com: {phase} finished (", StringComparison.Ordinal));
        }

        Assert.Single(lines, line => line.Contains($"({Phases.Length}/{Phases.Length}, ", StringComparison.Ordinal));
        Assert.Matches(@"^onestack-demo\.com: done in \d+\.\d s$", lines[^1]);
        Assert.Empty(plain.Error);
        Assert.Equal(WithoutCollectionTime(plain.Out), WithoutCollectionTime(shown.Out));
    }

    [Fact]
    public async Task With_quiet_no_progress_is_shown_even_when_asked_for_and_warnings_still_are()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync(["demo", "onhold-demo.com", "--format", "json", "--quiet", "--progress"]);

        Assert.Equal(ExitCodes.Incomplete, exitCode);
        Assert.NotEmpty(output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("chokepoint: warning: onhold-demo.com: incomplete result: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_is_off_when_stderr_is_not_a_terminal_and_it_was_not_asked_for()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync(["demo", "onestack-demo.com", "--format", "json"]);

        Assert.True(exitCode == ExitCodes.Ok, error);
        Assert.Empty(error);
    }

    [Fact]
    public async Task Whatif_of_a_domain_shows_the_audit_s_progress()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync(["whatif", "onestack-demo.com", "--network", _profile, "--drop", "cloudflare", "--progress"]);

        Assert.True(exitCode == ExitCodes.Ok, error);
        Assert.Contains("onestack-demo.com: registration finished (", error, StringComparison.Ordinal);
    }

    [Fact]
    public void On_a_terminal_one_status_line_is_rewritten_in_place_and_cleared_at_the_end()
    {
        using var inner = new StringCliConsole();
        var console = new TerminalSafeConsole(inner);
        using var view = new ProgressView(console, ProgressMode.Status);
        view.Site(3, 17, "dailyledger-news.com");

        view.Report(new AuditProgress("dailyledger-news.com", AuditStep.Collecting, null, 0, 0, TimeSpan.Zero));
        view.Report(new AuditProgress("dailyledger-news.com", AuditStep.PhaseEnded, "dns", 1, 7, TimeSpan.FromSeconds(0.4)));
        view.Report(new AuditProgress("dailyledger-news.com", AuditStep.PhaseEnded, "bad\u001b]0;title\u0007", 2, 7, TimeSpan.FromSeconds(0.5)));
        view.Report(new AuditProgress("dailyledger-news.com", AuditStep.Finished, null, 0, 0, TimeSpan.FromSeconds(1)));

        var text = inner.ErrorText;
        Assert.DoesNotContain('\n', text);
        Assert.Contains("\r\u001b[2K[3/17] dailyledger-news.com: 1/7 (dns) 0.4 s", text, StringComparison.Ordinal);
        // What is shown is escaped; only the line's own carriage return and erase are controls.
        Assert.Contains("bad\\x1b]0;title\\x07", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u0007', text);
        Assert.EndsWith("\r\u001b[2K", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Off_writes_nothing()
    {
        using var console = new StringCliConsole();
        using var view = new ProgressView(console, ProgressMode.Off);

        view.Report(new AuditProgress("example.org", AuditStep.Collecting, null, 0, 0, TimeSpan.Zero));
        view.Report(new AuditProgress("example.org", AuditStep.Finished, null, 0, 0, TimeSpan.Zero));

        Assert.Empty(console.ErrorText);
        Assert.Equal(ProgressMode.Off, ProgressView.ModeFor(console, quiet: false, progress: false));
        Assert.Equal(ProgressMode.Lines, ProgressView.ModeFor(console, quiet: false, progress: true));
        Assert.Equal(ProgressMode.Off, ProgressView.ModeFor(console, quiet: true, progress: true));
    }
}
