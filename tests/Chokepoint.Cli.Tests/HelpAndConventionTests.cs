using System.CommandLine;
using Chokepoint.Cli.Console;
using Chokepoint.Engine.Data;

namespace Chokepoint.Cli.Tests;

/// <summary>Help with examples, a bare command, typo suggestions with the help pointer, and shell completion.</summary>
public sealed class HelpAndConventionTests
{
    /// <summary>Every command of the tree, by its path under the root ("" for the root, "data update").</summary>
    public static TheoryData<string> CommandPaths()
    {
        using var console = new StringCliConsole();
        var root = CliApplication.BuildRootCommand(new CliContext(console, TimeProvider.System, DataDirectory.Locate()));
        var paths = new TheoryData<string> { "" };
        void Walk(Command command, string prefix)
        {
            foreach (var sub in command.Subcommands)
            {
                paths.Add(prefix + sub.Name);
                Walk(sub, prefix + sub.Name + " ");
            }
        }

        Walk(root, "");
        return paths;
    }

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public async Task Every_command_has_examples_in_its_help(string path)
    {
        string[] args = [.. path.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"];

        var (exitCode, output, error) = await CliRunner.RunAsync(args);

        Assert.True(exitCode == ExitCodes.Ok, error);
        var examples = output[(output.IndexOf("\nExamples:\n", StringComparison.Ordinal) + 1)..].Split('\n').Skip(1).TakeWhile(line => line.Length > 0).ToList();
        Assert.True(examples.Count > 0, output);
        // Each example runs the command the help is for (the root's may run any).
        Assert.All(examples, line => Assert.StartsWith("  chokepoint " + (path.Length > 0 ? path + " " : ""), line + " ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bare_chokepoint_prints_the_help_and_exits_0()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync([]);

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Empty(error);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains("Examples:", output, StringComparison.Ordinal);
        Assert.Contains("audit <domain>", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_group_alone_prints_its_help()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync(["data"]);

        Assert.Equal(ExitCodes.Ok, exitCode);
        // The usage line names the executable (the test host here), then the command.
        Assert.Contains(" data [command] [options]", output, StringComparison.Ordinal);
        Assert.Contains("status", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_command_gets_a_suggestion_and_that_command_s_help_pointer()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync(["aduit", "example.org"]);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Empty(output);
        // Two lines: the suggestion and the pointer, not the parser's echo of every token after the typo.
        Assert.Equal(
            ["chokepoint: unknown command or option 'aduit': did you mean 'audit'?", "Run 'chokepoint audit --help' for usage."],
            error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Theory]
    [InlineData("audit", "--fromat", "--format")]
    [InlineData("audit", "--fail-no", "--fail-on")]
    [InlineData("demo", "--lst", "--list")]
    [InlineData("whatif", "--dorp", "--drop")]
    public async Task A_misspelt_option_gets_a_suggestion_and_the_subcommand_s_help_pointer(string command, string typo, string meant)
    {
        var (exitCode, _, error) = await CliRunner.RunAsync([command, "example.org", typo, "x"]);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Equal(
            [$"chokepoint: unknown command or option '{typo}': did you mean '{meant}'?", $"Run 'chokepoint {command} --help' for usage."],
            error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task A_word_far_from_every_command_gets_no_suggestion()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync(["frobnicate"]);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.DoesNotContain("did you mean", error, StringComparison.Ordinal);
        Assert.Contains("Run 'chokepoint --help' for usage.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Identify_lists_its_kinds_under_identify_not_in_the_command_list()
    {
        var (_, top, _) = await CliRunner.RunAsync(["--help"]);
        var (_, identify, _) = await CliRunner.RunAsync(["identify", "--help"]);

        var line = Assert.Single(top.Split('\n'), l => l.TrimStart().StartsWith("identify", StringComparison.Ordinal));
        Assert.Contains("identify <kind> <value>", line, StringComparison.Ordinal);
        Assert.DoesNotContain("resource-domain", top, StringComparison.Ordinal);
        foreach (var kind in new[] { "ns", "cname", "mx", "ip", "issuer", "header", "registrar", "resource-domain", "ads-seller", "link-domain" })
        {
            Assert.Contains(kind, identify, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// The <c>[suggest:POSITION]</c> directive that dotnet-suggest calls (README, "Shell completion"): the command line
    /// as one argument, the cursor's position in it.
    /// </summary>
    [Theory]
    [InlineData("[suggest:3]", "aud", "audit")]
    [InlineData("[suggest:2]", "pl", "plan")]
    [InlineData("[suggest:9]", "audit --f", "--format")]
    [InlineData("[suggest:15]", "demo --format j", "jsonl")]
    [InlineData("[suggest:13]", "identify reso", "resource-domain")]
    public async Task The_suggest_directive_completes_commands_options_and_values(string directive, string line, string expected)
    {
        var (exitCode, output, error) = await CliRunner.RunAsync([directive, line]);

        Assert.True(exitCode == ExitCodes.Ok, error);
        Assert.Contains(expected, output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
