using System.CommandLine;
using Chokepoint.Cli.Console;

namespace Chokepoint.Cli.Commands;

/// <summary><c>--quiet</c> and <c>--progress</c>: whether a command that takes more than a moment shows its progress on stderr.</summary>
internal sealed class ProgressOptions
{
    private readonly Option<bool> _quiet = new("--quiet", "-q") { Description = "Show no progress on stderr (warnings and errors are still shown)." };

    private readonly Option<bool> _progress = new("--progress")
    {
        Description = "Show progress on stderr even when it is not a terminal, as plain lines (on a terminal it is shown unless --quiet).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_quiet);
        command.Options.Add(_progress);
    }

    /// <summary>The progress view these options ask for.</summary>
    public ProgressView Create(CliContext context, ParseResult parseResult) =>
        new(context.Console, ProgressView.ModeFor(context.Console, parseResult.GetValue(_quiet), parseResult.GetValue(_progress)));
}
