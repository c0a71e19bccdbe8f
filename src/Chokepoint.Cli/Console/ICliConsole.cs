namespace Chokepoint.Cli.Console;

/// <summary>Every byte a command prints goes through this, so tests capture it.</summary>
public interface ICliConsole
{
    /// <summary>Standard output: the report or the answer.</summary>
    TextWriter Out { get; }

    /// <summary>Standard error: progress, warnings and error messages.</summary>
    TextWriter Error { get; }
}
