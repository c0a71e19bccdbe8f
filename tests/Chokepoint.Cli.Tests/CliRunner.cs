using Chokepoint.Cli.Console;
using Chokepoint.Engine.Data;

namespace Chokepoint.Cli.Tests;

/// <summary>Runs the CLI in-process with a captured console.</summary>
internal static class CliRunner
{
    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        using var console = new StringCliConsole();
        var context = new CliContext(console, TimeProvider.System, DataDirectory.Locate());
        var exitCode = await CliApplication.RunAsync(args, context, cancellationToken);
        return (exitCode, console.OutText, console.ErrorText);
    }
}
