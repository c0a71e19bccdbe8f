namespace Chokepoint.Engine.Tests;

/// <summary>One engine on the installed data sets, shared by the tests of a class that need no network.</summary>
public sealed class OfflineEngine : IDisposable
{
    public ChokepointEngine Engine { get; } = ChokepointEngine.Create(new EngineSettings());

    public void Dispose() => Engine.Dispose();
}
