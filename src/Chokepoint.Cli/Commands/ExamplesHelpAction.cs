using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Chokepoint.Cli.Commands;

/// <summary>
/// The standard help (System.CommandLine 2.0's <see cref="HelpAction"/>, whose layout is not public), followed by
/// the command's <see cref="HelpExamples"/>.
/// </summary>
internal sealed class ExamplesHelpAction(HelpAction standard) : SynchronousCommandLineAction
{
    /// <inheritdoc />
    public override bool ClearsParseErrors => true;

    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var exitCode = standard.Invoke(parseResult);
        var examples = HelpExamples.For(parseResult.CommandResult.Command);
        if (examples.Count > 0)
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            foreach (var example in examples)
            {
                output.WriteLine("  " + example);
            }

            output.WriteLine();
        }

        return exitCode;
    }
}
