using System.CommandLine;
using System.Globalization;
using Chokepoint.Engine.Data;
using Chokepoint.Simulation;
using Chokepoint.Simulation.Demo;
using Chokepoint.Simulation.Generation;
using Chokepoint.Simulation.Web;
using Chokepoint.Simulation.World;

namespace Chokepoint.Cli.Commands;

/// <summary><c>chokepoint sim serve|generate</c>: the simulated internet.</summary>
internal static class SimCommand
{
    /// <summary>The largest world file read; the world is read as a stream, and the limit counted while reading.</summary>
    private const long MaximumWorldBytes = 1024 * InputFile.MiB;

    /// <summary>The largest shares file read.</summary>
    private const long MaximumSharesBytes = InputFile.MiB;

    public static Command Create(CliContext context)
    {
        var command = new Command("sim", "Run or generate a simulated internet on loopback (see docs/world-format.md).");
        command.Subcommands.Add(CreateServe(context));
        command.Subcommands.Add(CreateGenerate(context));
        return command;
    }

    private static Command CreateServe(CliContext context)
    {
        var worldFile = new Argument<FileInfo?>("world") { Description = "World file (YAML); the built-in demo world when omitted.", Arity = ArgumentArity.ZeroOrOne };
        var profile = new Option<FileInfo?>("--profile") { Description = "Write the network profile (JSON) to this file." };
        var connections = new Option<int?>("--max-connections")
        {
            Description = "Connections the web server accepts at once, in all and from one client (default 256 and 64); raise it to scan a generated world at high concurrency.",
        };
        var command = new Command("serve", "Serve a world on loopback until Ctrl-C; prints the network profile for --network.") { worldFile, profile, connections };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var world = parseResult.GetValue(worldFile) is { } file ? await LoadWorldAsync(context, file, cancellationToken) : DemoWorld.Load();
            if (world is null)
            {
                return ExitCodes.UsageError;
            }

            var options = new SimulationOptions();
            if (parseResult.GetValue(connections) is { } limit)
            {
                if (limit is < 1 or > 100_000)
                {
                    throw new CommandFailedException(ExitCodes.UsageError, "--max-connections must be between 1 and 100,000");
                }

                options = new SimulationOptions { HttpLimits = new HttpServerLimits { MaxConnections = limit, MaxConnectionsPerClient = limit } };
            }

            await using var internet = await SimulatedInternet.StartAsync(world, options, cancellationToken);
            if (parseResult.GetValue(profile) is { } profileFile)
            {
                await AtomicFile.WriteAsync(profileFile.FullName, internet.WriteProfileAsync, cancellationToken);
                await context.Console.Error.WriteLineAsync($"network profile written to {profileFile.FullName}".AsMemory(), CancellationToken.None);
            }

            // Once serving, a signal only stops it: these lines are written whatever the token says, and the exit is 0.
            await context.Console.Out.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(internet.Profile, JsonOutput.Options).AsMemory(), CancellationToken.None);
            await context.Console.Error.WriteLineAsync($"serving '{world.Name}' on loopback; press Ctrl-C to stop".AsMemory(), CancellationToken.None);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                await context.Console.Error.WriteLineAsync("stopping".AsMemory(), CancellationToken.None);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateGenerate(CliContext context)
    {
        var sites = new Option<int>("--sites") { Description = "Number of sites.", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "Random seed (the same seed gives the same world).", DefaultValueFactory = _ => 1 };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the world file here instead of standard output." };
        var shares = new Option<string?>("--shares")
        {
            Description = $"Allocate by quota from a preset ({string.Join(", ", ProviderShareSet.Presets)}) or a shares file (JSON); with -o also writes <world>.expected.json.",
            HelpName = "PRESET|FILE",
        };
        var command = new Command("generate", "Write a large, realistic world file (provider shares as published).") { sites, seed, output, shares };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var count = parseResult.GetValue(sites);
            if (count is < 1 or > 1_000_000)
            {
                throw new CommandFailedException(ExitCodes.UsageError, "--sites must be between 1 and 1,000,000");
            }

            var shareSet = parseResult.GetValue(shares) is { } given ? ReadShares(given) : null;
            var generated = WorldGenerator.Generate(count, parseResult.GetValue(seed), shareSet, cancellationToken);
            var world = generated.World;
            if (parseResult.GetValue(output) is { } file)
            {
                // To a temporary file renamed only when complete: a cancelled run (Ctrl-C, SIGTERM) leaves nothing.
                await AtomicFile.WriteTextAsync(file.FullName, writer => WorldWriter.Write(world, writer, cancellationToken), cancellationToken);
                await context.Console.Error.WriteLineAsync(
                    string.Create(CultureInfo.InvariantCulture, $"wrote {count} sites to {file.FullName}").AsMemory(), cancellationToken);
                if (shareSet is not null)
                {
                    var expectedFile = ExpectedPath(file.FullName);
                    await AtomicFile.WriteAllTextAsync(expectedFile, ExpectedConcentration.Of(generated).ToJson(), cancellationToken);
                    await context.Console.Error.WriteLineAsync($"wrote the expected concentration to {expectedFile}".AsMemory(), cancellationToken);
                }
            }
            else
            {
                WorldWriter.Write(world, context.Console.Out, cancellationToken);
                if (shareSet is not null)
                {
                    await context.Console.Error.WriteLineAsync("chokepoint: note: no expected file without -o".AsMemory(), cancellationToken);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The expected file next to a world file: <c>world.yaml</c> gives <c>world.expected.json</c>.</summary>
    internal static string ExpectedPath(string worldPath) => Path.ChangeExtension(worldPath, ".expected.json");

    /// <summary>A preset by name, else a shares file; a file with errors stops with one line and exit 2.</summary>
    private static ProviderShareSet ReadShares(string presetOrFile)
    {
        if (ProviderShareSet.Preset(presetOrFile) is { } preset)
        {
            return preset;
        }

        if (!File.Exists(presetOrFile))
        {
            throw new CommandFailedException(ExitCodes.UsageError,
                $"--shares: '{presetOrFile}' is neither a preset ({string.Join(", ", ProviderShareSet.Presets)}) nor a file");
        }

        var text = InputFile.ReadAllText(presetOrFile, MaximumSharesBytes, "a shares file");
        return ProviderShareSet.Parse(text, Path.GetFileName(presetOrFile), out var error)
            ?? throw new CommandFailedException(ExitCodes.UsageError, $"--shares {presetOrFile}: {error}");
    }

    /// <summary>
    /// Loads a world file: a regular file (not a directory, device or FIFO) read as a stream and refused past
    /// <see cref="MaximumWorldBytes"/>; at most <see cref="WorldLoadResult.MaximumErrors"/> errors are printed, then
    /// how many more there were, one a line. Null when the file has errors (they have been printed).
    /// </summary>
    internal static async Task<World?> LoadWorldAsync(CliContext context, FileInfo file, CancellationToken cancellationToken)
    {
        var path = InputFile.RequireRegular(file.FullName);
        var result = WorldLoader.Load(() => InputFile.OpenRead(path, MaximumWorldBytes, "a world file"), path);
        if (result.World is { } world)
        {
            return world;
        }

        await context.Console.Error.WriteLineAsync("chokepoint: the world file has errors:".AsMemory(), cancellationToken);
        foreach (var line in result.DescribeLines())
        {
            await context.Console.Error.WriteLineAsync(("  " + line.ReplaceLineEndings(" ")).AsMemory(), cancellationToken);
        }

        return null;
    }
}
