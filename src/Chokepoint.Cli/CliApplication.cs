using System.CommandLine;
using System.CommandLine.Help;
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

        // The standard help, then the command's examples; the option is recursive, so one action serves every command.
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new ExamplesHelpAction((HelpAction)help.Action!);
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
        ArgumentNullException.ThrowIfNull(args);
        var root = BuildRootCommand(context);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0 && IsCommandGroupAlone(parseResult))
        {
            // A bare 'chokepoint' (or 'chokepoint data'): its help, as asked for.
            parseResult = root.Parse([.. args, "--help"]);
        }

        if (parseResult.Errors.Count > 0)
        {
            await WriteUsageErrorAsync(context, parseResult);
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

    /// <summary>
    /// Each parse error on one line, a suggestion for each word that is close to a subcommand or option
    /// (<see cref="TypoSuggestion"/>), and the pointer to the help of the command the words were given to.
    /// </summary>
    private static async Task WriteUsageErrorAsync(CliContext context, ParseResult parseResult)
    {
        var error = context.Console.Error;
        var command = parseResult.CommandResult.Command;
        var pointTo = command;
        var suggestions = parseResult.UnmatchedTokens.Distinct(StringComparer.Ordinal)
            .Select(token => (Token: token, Suggestion: TypoSuggestion.For(token, command)))
            .ToList();
        if (suggestions.Count > 0 && suggestions[0].Suggestion is { } first)
        {
            // A misspelt command or option: the one line that helps, not the parser's echo of every token after it.
            await error.WriteLineAsync($"chokepoint: unknown command or option '{suggestions[0].Token}': did you mean '{first}'?");
            pointTo = command.Subcommands.FirstOrDefault(c => c.Name == first) ?? command;
        }
        else
        {
            foreach (var problem in parseResult.Errors)
            {
                await error.WriteLineAsync($"chokepoint: {OneLine(problem.Message)}");
            }

            foreach (var (token, suggestion) in suggestions.Where(s => s.Suggestion is not null))
            {
                await error.WriteLineAsync($"chokepoint: '{token}': did you mean '{suggestion}'?");
            }
        }

        var path = HelpExamples.PathOf(pointTo);
        await error.WriteLineAsync($"Run 'chokepoint {(path.Length > 0 ? path + " " : "")}--help' for usage.");
    }

    /// <summary>True when only a command that has subcommands was given, with nothing else: it is shown its help.</summary>
    private static bool IsCommandGroupAlone(ParseResult parseResult) =>
        parseResult.CommandResult.Command is { Subcommands.Count: > 0, Action: null }
        && parseResult.UnmatchedTokens.Count == 0
        && parseResult.Tokens.All(token => token.Type == System.CommandLine.Parsing.TokenType.Command);

    /// <summary>A message as one line: a parser's message can quote the input it choked on, new lines and all.</summary>
    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>A context on the real console, the system clock and the installed data directory.</summary>
    public static CliContext CreateDefaultContext() =>
        new(new SystemCliConsole(), TimeProvider.System, DataDirectory.Locate());
}
