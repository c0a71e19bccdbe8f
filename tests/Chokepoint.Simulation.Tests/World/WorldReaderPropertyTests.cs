using System.Diagnostics;
using Chokepoint.Simulation.Generation;
using Chokepoint.Simulation.World;
using CsCheck;

namespace Chokepoint.Simulation.Tests.WorldFiles;

/// <summary>
/// Property tests of the world reader: mutated and random text only ever gives a load result (never another
/// exception), in bounded time; generated worlds written by <see cref="WorldWriter"/> read back equal. Iterations
/// are modest in the normal run; CHOKEPOINT_FUZZ_ITERATIONS sets more for a long run.
/// </summary>
public sealed class WorldReaderPropertyTests
{
    private static readonly int Iterations = Fuzz.Iterations(300);

    /// <summary>Pieces of YAML that stress the reader: aliases, anchors, flow and block collections, odd scalars.</summary>
    private static readonly string[] Fragments =
    [
        "&a ", "*a", "&b [*a, *a, *a]", "*b", "[", "]", "{", "}", ":", ": ", "- ", "\n", "\n  ", "\n    - ", "\"", "'",
        "|\n  x", ">-\n  y", "? ", "!!str ", "!!binary ", "%YAML 1.2\n", "---\n", "...\n", "#", "\t", "\u00a0", "\u0000",
        "2130706433", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "-1", "99999999999999999999", "~", "null", "true",
        "companies: ", "parent: ", "redirect: ", "prefix: 127.0.0.1/8", "&x {id: x, parent: x}", "<<: *a",
    ];

    private static readonly Gen<string> Fragment = Gen.Int[0, Fragments.Length - 1].Select(i => Fragments[i]);

    private static readonly Gen<string> MutatedWorld =
        Gen.Select(Gen.Int[0, WorldChecksTests.Base.Length], Gen.Int[0, 40], Fragment, Gen.Int[0, 3])
            .Select(t =>
            {
                var (at, cut, fragment, repeat) = t;
                var text = WorldChecksTests.Base;
                cut = Math.Min(cut, text.Length - at);
                return text[..at] + string.Concat(Enumerable.Repeat(fragment, repeat + 1)) + text[(at + cut)..];
            });

    private static readonly Gen<string> RandomYaml =
        Fragment.Array[0, 60].Select(parts => "version: 1\n" + string.Concat(parts));

    [Fact]
    public void Mutated_worlds_give_a_result_never_an_exception()
    {
        MutatedWorld.Sample(AssertLoadsOrFails, iter: Iterations, threads: 1);
    }

    [Fact]
    public void Random_yaml_gives_a_result_never_an_exception()
    {
        RandomYaml.Sample(AssertLoadsOrFails, iter: Iterations, threads: 1);
    }

    [Fact]
    public void Generated_worlds_round_trip_through_the_writer()
    {
        Gen.Select(Gen.Int[1, 30], Gen.Int).Sample(
            t =>
            {
                var (sites, seed) = t;
                var world = WorldGenerator.Generate(sites, seed);
                var result = WorldLoader.Parse(WorldWriter.ToYaml(world), "generated.yaml");
                Assert.True(result.Success, result.Success ? "" : result.Describe());
                Assert.Null(WorldComparer.FirstDifference(world, result.World));
            },
            iter: Math.Max(5, Iterations / 30),
            threads: 1);
    }

    private static void AssertLoadsOrFails(string yaml)
    {
        var clock = Stopwatch.StartNew();
        var result = WorldLoader.Parse(yaml, "fuzz.yaml");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.True(result.Success || result.Errors.Count is > 0 and <= WorldLoadResult.MaximumErrors);
        if (result.World is { } world)
        {
            // A world that loads is one the validator accepts, and it survives being written and read again.
            Assert.Empty(WorldLoader.Validate(world));
            var again = WorldLoader.Parse(WorldWriter.ToYaml(world), "again.yaml");
            Assert.True(again.Success, again.Success ? "" : again.Describe());
        }
    }
}
