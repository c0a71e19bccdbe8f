using Chokepoint.Reporting.Table;

namespace Chokepoint.Cli.Console;

/// <summary>Every byte a command prints goes through this, so tests capture it.</summary>
public interface ICliConsole
{
    /// <summary>Standard output: the report or the answer.</summary>
    TextWriter Out { get; }

    /// <summary>Standard error: progress, warnings and error messages.</summary>
    TextWriter Error { get; }

    /// <summary>
    /// The width standard output is drawn at and whether it takes colour: 80 columns and no colour unless the console
    /// says otherwise (<see cref="SystemCliConsole"/> asks the terminal).
    /// </summary>
    TerminalOptions Terminal => TerminalOptions.Plain;
}
