using System.CommandLine;
using Chokepoint.Cli.Commands;
using Chokepoint.Cli.Console;
using Chokepoint.Engine;
using Chokepoint.Engine.Data;

namespace Chokepoint.Cli;

/// <summary>The <c>chokepoint</c> command line: builds the command tree and runs one invocation.</summary>
public static class CliApplication
{
    /// <summary>Builds the root command with every subcommand.</summary>
    public static RootCommand BuildRootCommand(CliContext context)
    {
        var root = new RootCommand(
            "Chokepoint maps which companies can take a website offline or cut off its money, finds the single points " +
            "of failure, and plans how to remove them.");
        root.Options.Add(TerminalOutput.CreateNoColorOption());
        foreach (var command in CommandCatalog.Create(context))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>Runs one invocation and returns the exit code (see <see cref="ExitCodes"/>).</summary>
    /// <remarks>
    /// Everything the command writes, to standard output or error, goes through a <see cref="TerminalSafeConsole"/>:
    /// control characters and escape sequences from RDAP, headers, observations or arguments are shown escaped.
    /// </remarks>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context = context with { Console = TerminalSafeConsole.Wrap(context.Console) };
        var root = BuildRootCommand(context);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                await context.Console.Error.WriteLineAsync($"chokepoint: {error.Message}");
            }

            await context.Console.Error.WriteLineAsync("Run 'chokepoint --help' for usage.");
            return ExitCodes.UsageError;
        }

        var configuration = new InvocationConfiguration
        {
            Output = context.Console.Out,
            Error = context.Console.Error,
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return await parseResult.InvokeAsync(configuration, cancellationToken);
        }
        catch (CommandFailedException failure)
        {
            await context.Console.Error.WriteLineAsync("chokepoint: " + OneLine(failure.Message));
            return failure.ExitCode;
        }
        catch (EngineException failure)
        {
            await context.Console.Error.WriteLineAsync("chokepoint: " + OneLine(failure.Message));
            return failure.IsUsageError ? ExitCodes.UsageError : ExitCodes.RunFailed;
        }
        catch (UnknownCompanyException failure)
        {
            await context.Console.Error.WriteLineAsync("chokepoint: " + OneLine(failure.Message));
            return ExitCodes.UsageError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await context.Console.Error.WriteLineAsync("chokepoint: cancelled");
            return ExitCodes.RunFailed;
        }
        catch (IOException failure)
        {
            await context.Console.Error.WriteLineAsync("chokepoint: " + OneLine(failure.Message));
            return ExitCodes.RunFailed;
        }
        catch (UnauthorizedAccessException failure)
        {
            await context.Console.Error.WriteLineAsync("chokepoint: " + OneLine(failure.Message));
            return ExitCodes.RunFailed;
        }
    }

    /// <summary>A message as one line: a parser's message can quote the input it choked on, new lines and all.</summary>
    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>A context on the real console, the system clock and the installed data directory.</summary>
    public static CliContext CreateDefaultContext() =>
        new(new SystemCliConsole(), TimeProvider.System, DataDirectory.Locate());
}
