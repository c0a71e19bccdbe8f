namespace Chokepoint.Cli;

/// <summary>
/// Thrown by a command to end with a clear message and a given exit code (a usage error or a failed run);
/// <see cref="CliApplication"/> prints the message, never a stack trace.
/// </summary>
public sealed class CommandFailedException : Exception
{
    public CommandFailedException()
    {
    }

    public CommandFailedException(string message)
        : base(message)
    {
    }

    public CommandFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CommandFailedException(int exitCode, string message)
        : base(message) => ExitCode = exitCode;

    /// <summary>The process exit code (see <see cref="ExitCodes"/>).</summary>
    public int ExitCode { get; } = ExitCodes.RunFailed;
}
