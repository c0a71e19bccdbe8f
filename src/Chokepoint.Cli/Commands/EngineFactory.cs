using Chokepoint.Engine;

namespace Chokepoint.Cli.Commands;

/// <summary>Builds the one engine a command uses, on the context's clock and data directory.</summary>
internal static class EngineFactory
{
    /// <summary>An engine from <paramref name="settings"/>; a bad setting or a missing data set ends the command with one line.</summary>
    public static ChokepointEngine Create(CliContext context, EngineSettings? settings = null) =>
        ChokepointEngine.Create((settings ?? new EngineSettings()) with { DataDirectory = context.Data.Root }, context.Time);
}
