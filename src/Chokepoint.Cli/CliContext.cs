using Chokepoint.Cli.Console;
using Chokepoint.Engine.Data;

namespace Chokepoint.Cli;

/// <summary>What every command is given: where to write, the clock, and where the data sets live.</summary>
/// <param name="Console">Output and error writers.</param>
/// <param name="Time">The clock (a fake one in tests).</param>
/// <param name="Data">Locations of installed data sets.</param>
public sealed record CliContext(ICliConsole Console, TimeProvider Time, DataDirectory Data);
