using System.Diagnostics;
using System.Globalization;
using Chokepoint.Simulation.World;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Chokepoint.Benchmarks;

/// <summary>
/// <c>world-load-breakdown --file FILE</c>: where <see cref="WorldLoader.Load(string)"/>'s time goes, measured from outside
/// (the loader's own parts are internal): reading the text, YamlDotNet's event parser alone, YamlDotNet's node tree
/// (what the loader builds first), the whole load, and validation alone. Mapping nodes onto the world classes
/// (WorldYamlReader) is the remainder.
/// </summary>
internal static class WorldLoadBreakdown
{
    public const string Command = "world-load-breakdown";

    public static Task<int> RunAsync(Options options)
    {
        var file = options.Text("file") ?? throw new ArgumentException("--file is required");
        var rows = new List<string[]>();
        var clock = Stopwatch.StartNew();
        var text = File.ReadAllText(file);
        var read = clock.Elapsed;
        rows.Add(Row("File.ReadAllText", read, text.Length));

        clock.Restart();
        var events = 0;
        using (var reader = new StringReader(text))
        {
            var parser = new Parser(reader);
            while (parser.MoveNext())
            {
                events++;
            }
        }

        rows.Add(Row("YamlDotNet Parser events only", clock.Elapsed, events));

        clock.Restart();
        var stream = new YamlStream();
        using (var reader = new StringReader(text))
        {
            stream.Load(new Parser(reader));
        }

        var tree = clock.Elapsed;
        rows.Add(Row("YamlDotNet YamlStream.Load (node tree)", tree, events));
        stream = null;
        Measure.LiveManagedBytes();

        clock.Restart();
        var result = WorldLoader.Parse(text, file);
        var parse = clock.Elapsed;
        rows.Add(Row("WorldLoader.Parse (all of the load after reading)", parse, 0));
        if (result.World is not { } world)
        {
            Console.Error.WriteLine(result.Describe());
            return Task.FromResult(1);
        }

        clock.Restart();
        var errors = WorldLoader.Validate(world);
        var validate = clock.Elapsed;
        rows.Add(Row("WorldLoader.Validate (validation alone)", validate, errors.Count));
        rows.Add(Row("remainder: mapping nodes to objects (WorldYamlReader)", parse - tree - validate, 0));
        Measure.Table(["part", "time", "items"], rows);
        return Task.FromResult(0);
    }

    private static string[] Row(string part, TimeSpan time, int items) =>
        [part, Measure.Seconds(time), items.ToString("N0", CultureInfo.InvariantCulture)];
}
