namespace Chokepoint.Cli;

/// <summary>The process exit codes every command uses (README, "Exit codes").</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Ok = 0;

    /// <summary>Findings at or above the level given with <c>--fail-on</c>.</summary>
    public const int FindingsAtThreshold = 1;

    /// <summary>The command line was wrong: unknown option, bad value, invalid domain.</summary>
    public const int UsageError = 2;

    /// <summary>The run failed: a file could not be read or written, a data set is missing, a server could not start.</summary>
    public const int RunFailed = 3;

    /// <summary>
    /// The result is incomplete: the grade was withheld or is only a bound (something that could lower it was not
    /// observed), the site is offline by its registration, or the time budget cut the collection. A warning line on
    /// stderr says why. A met gate (1) takes precedence.
    /// </summary>
    public const int Incomplete = 4;
}
