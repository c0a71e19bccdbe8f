namespace Chokepoint.Collection.Tls;

/// <summary>Limits for <see cref="TlsCollector"/>.</summary>
public sealed record TlsCollectorOptions
{
    /// <summary>Time allowed for resolving, connecting and the handshake together.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(6);
}
