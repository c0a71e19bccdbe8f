using Chokepoint.Cli.Console;
using Chokepoint.Engine.Data;
using Chokepoint.Reporting.Table;

namespace Chokepoint.Cli.Tests.TerminalView;

/// <summary>Width and colour from the terminal, NO_COLOR and --no-color, through the CLI's one console.</summary>
public sealed class TerminalConsoleTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void A_terminal_gets_its_width_and_colour()
    {
        var options = TerminalDetection.Detect(outputRedirected: false, () => 132, Environment());

        Assert.Equal(new TerminalOptions { Width = 132, Color = true }, options);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("true")]
    [InlineData("0")]
    public void Any_non_empty_NO_COLOR_turns_colour_off(string value)
    {
        Assert.False(TerminalDetection.Detect(false, () => 100, Environment(("NO_COLOR", value))).Color);
    }

    [Fact]
    public void An_empty_NO_COLOR_does_not()
    {
        Assert.True(TerminalDetection.Detect(false, () => 100, Environment(("NO_COLOR", ""))).Color);
    }

    [Fact]
    public void Piped_output_is_plain_and_80_columns_or_COLUMNS()
    {
        Assert.Equal(new TerminalOptions { Width = 80, Color = false }, TerminalDetection.Detect(true, () => 200, Environment()));
        Assert.Equal(new TerminalOptions { Width = 150, Color = false }, TerminalDetection.Detect(true, () => 200, Environment(("COLUMNS", "150"))));
        Assert.Equal(80, TerminalDetection.Detect(true, () => 200, Environment(("COLUMNS", "wide"))).Width);
        Assert.Equal(80, TerminalDetection.Detect(true, () => 200, Environment(("COLUMNS", "-5"))).Width);
        Assert.Equal(80, TerminalDetection.Detect(true, () => 200, Environment(("COLUMNS", "40"))).Width);
    }

    [Fact]
    public void A_terminal_without_a_size_falls_back_to_COLUMNS_or_80()
    {
        Assert.Equal(90, TerminalDetection.Detect(false, () => throw new IOException("no terminal"), Environment(("COLUMNS", "90"))).Width);
        Assert.Equal(80, TerminalDetection.Detect(false, () => 0, Environment()).Width);
    }

    private static async Task<(int ExitCode, string Out)> RunAsync(TerminalOptions terminal, params string[] args)
    {
        using var console = new StringCliConsole { Terminal = terminal };
        var exitCode = await CliApplication.RunAsync(args, new CliContext(console, TimeProvider.System, DataDirectory.Locate()), CancellationToken.None);
        return (exitCode, console.OutText);
    }

    [Fact]
    public async Task On_a_colour_terminal_the_report_is_coloured_and_fits_its_width()
    {
        var (exitCode, output) = await RunAsync(new TerminalOptions { Width = 100, Color = true }, "demo", "twodns-demo.com");

        Assert.Equal(ExitCodes.Ok, exitCode);
        // The view's own colours pass the terminal-safe console; nothing is shown escaped.
        Assert.Contains("\u001b[", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\\x1b", output, StringComparison.Ordinal);
        Assert.All(output.Split('\n'), line => Assert.True(Measure.Width(line) <= 100, line));
    }

    [Fact]
    public async Task No_color_turns_the_colour_off_on_a_colour_terminal()
    {
        var (exitCode, output) = await RunAsync(new TerminalOptions { Width = 100, Color = true }, "demo", "twodns-demo.com", "--no-color");

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.DoesNotContain("\u001b", output, StringComparison.Ordinal);
        Assert.Contains("Exposure grade:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_view_is_never_coloured()
    {
        var (_, output) = await RunAsync(new TerminalOptions { Width = 100, Color = true }, "demo", "twodns-demo.com", "--format", "json");

        Assert.DoesNotContain("\u001b", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_terminal_safe_writer_passes_colours_only_when_asked_and_nothing_else()
    {
        using var inner = new StringWriter();
        using var writer = new TerminalSafeWriter(inner);

        writer.Write("\u001b[31mred\u001b[0m");
        await writer.WriteStyledAsync("\u001b[31mred\u001b[0m \u001b]0;title\u0007 \u001b[2J", CancellationToken.None);

        Assert.Equal("\\x1b[31mred\\x1b[0m" + "\u001b[31mred\u001b[0m \\x1b]0;title\\x07 \\x1b[2J", inner.ToString());
    }
}
