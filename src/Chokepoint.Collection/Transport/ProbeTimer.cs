using System.Globalization;

namespace Chokepoint.Collection.Transport;

/// <summary>
/// A per-probe timeout linked to the caller's token: <see cref="Token"/> is cancelled when either the probe's own
/// timer fires or the caller cancels, and <see cref="TimedOut"/> tells the two apart.
/// </summary>
public sealed class ProbeTimer : IDisposable
{
    private readonly CancellationTokenSource timer;
    private readonly CancellationTokenSource linked;

    /// <summary>Starts the timer on <paramref name="time"/>'s clock.</summary>
    public ProbeTimer(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        Timeout = timeout;
        timer = new CancellationTokenSource(timeout, time);
        linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
    }

    /// <summary>The probe's timeout.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Cancelled when the probe times out or the caller cancels.</summary>
    public CancellationToken Token => linked.Token;

    /// <summary>True when the probe's own timer fired (as opposed to the caller cancelling).</summary>
    public bool TimedOut => timer.IsCancellationRequested;

    /// <summary>"timed out after 3 s" for this probe's timeout.</summary>
    public string TimeoutReason => Describe(Timeout);

    /// <summary>"timed out after 3 s", "timed out after 0.5 s".</summary>
    public static string Describe(TimeSpan timeout) =>
        string.Create(CultureInfo.InvariantCulture, $"timed out after {timeout.TotalSeconds:0.###} s");

    /// <inheritdoc/>
    public void Dispose()
    {
        linked.Dispose();
        timer.Dispose();
    }
}
