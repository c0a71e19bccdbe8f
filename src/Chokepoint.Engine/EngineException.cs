namespace Chokepoint.Engine;

/// <summary>
/// The engine could not do what it was asked, for a reason a user can act on: a setting or input that is wrong
/// (<see cref="IsUsageError"/>), or a data set that is missing or unreadable. Front ends print the message, never
/// a stack trace.
/// </summary>
public sealed class EngineException : Exception
{
    public EngineException()
    {
    }

    public EngineException(string message)
        : base(message)
    {
    }

    public EngineException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>An error with its cause: bad input or settings when <paramref name="isUsageError"/>, else a failed run.</summary>
    public EngineException(string message, bool isUsageError)
        : base(message) => IsUsageError = isUsageError;

    /// <summary>True when the caller's input or settings are wrong (CLI exit 2); false when the run failed (exit 3).</summary>
    public bool IsUsageError { get; }
}
