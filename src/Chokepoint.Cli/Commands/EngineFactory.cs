using Chokepoint.Engine;

namespace Chokepoint.Cli.Commands;

/// <summary>Builds the one engine a command uses, on the context's clock and data directory.</summary>
internal static class EngineFactory
{
    /// <summary>
    /// An engine from <paramref name="settings"/>; a bad setting or a missing data set ends the command with one line, a
    /// data set that loaded with lines skipped is one warning line on stderr.
    /// </summary>
    public static ChokepointEngine Create(CliContext context, EngineSettings? settings = null)
    {
        var engine = ChokepointEngine.Create((settings ?? new EngineSettings()) with { DataDirectory = context.Data.Root }, context.Time);
        if (engine.DataSets.AsnWarning is { } warning)
        {
            context.Console.Error.WriteLine(warning);
        }

        return engine;
    }
}
