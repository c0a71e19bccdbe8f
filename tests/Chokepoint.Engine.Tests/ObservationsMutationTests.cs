using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Chokepoint.Observations;
using Xunit.Abstractions;

namespace Chokepoint.Engine.Tests;

/// <summary>
/// The mutation corpus (issue 12): every member of a real saved observations file (the demo audit of
/// dailyledger-news.com, which has every part of the format: registration, DNS, hosts, HTTP, TLS, upstream zones,
/// mail, page and ads.txt) set, one at a time, to null, to a value of the wrong type and to a huge value. Each file is
/// either refused with <see cref="ObservationsFormatException"/> naming that member (or a member inside it), or read
/// and then taken through analyze, what-if and plan through the engine without any exception.
/// </summary>
public sealed class ObservationsMutationTests(OfflineEngine offline, ITestOutputHelper output) : IClassFixture<OfflineEngine>
{
    private const int HugeString = 20_000;
    private const int HugeList = 100;

    private static readonly JsonNode Saved = JsonNode.Parse(File.ReadAllText(RepositoryFiles.Path("tests", "Chokepoint.Observations.Tests", "Data", "dailyledger-news.com.json")))!;

    public static TheoryData<string> Kinds => new("null", "wrong-type", "huge");

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_member_mutated_is_refused_by_name_or_analysed_without_exception(string kind)
    {
        var paths = Paths(Saved, "").ToList();
        Assert.True(paths.Count > 300, $"only {paths.Count} members");
        var (refused, analysed) = (0, 0);
        var clock = Stopwatch.StartNew();
        foreach (var path in paths)
        {
            foreach (var mutated in Mutations(path, kind))
            {
                SiteObservations site;
                try
                {
                    site = ObservationsJson.Read(mutated);
                }
                catch (ObservationsFormatException error)
                {
                    Assert.True(Names(error, path), $"{kind} at {path}: refused as \"{error.Message}\", which names another member");
                    Assert.DoesNotContain('\n', error.Message);
                    refused++;
                    continue;
                }

                var report = offline.Engine.Analyze(site);
                _ = offline.Engine.Plan(site, report);
                if (report.Chokepoints.Count > 0 && report.Chokepoints[0] is { } chokepoint)
                {
                    _ = offline.Engine.WhatIf(report, [chokepoint.Entity.Id]);
                }

                analysed++;
            }
        }

        output.WriteLine($"{kind}: {paths.Count} members, {refused} files refused, {analysed} analysed, in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(refused > 0 && (kind == "wrong-type" || analysed > 0), $"{refused} refused, {analysed} analysed");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"{clock.Elapsed} for {paths.Count} members");
    }

    /// <summary>
    /// Observations holding what real browsers captured (the HAR files in ../shared/fixtures/har: HTTP/2 pseudo-headers
    /// such as ":status", resources found on "har" rather than a page URL) are saved and read back: the reader's
    /// rules hold for the real internet, not only for the demo world.
    /// </summary>
    [Theory]
    [InlineData("reddit.com")]
    [InlineData("ign.com")]
    [InlineData("blooket.com")]
    public void Observations_merged_from_a_real_har_capture_are_read_back(string site)
    {
        var capture = Collection.Page.HarReader.ReadFile(SharedFixtures.Path("har", site + ".har"));
        var observations = new SiteObservations { Domain = site, Page = Collection.Page.PageCollector.MergeHar(new Observations.Page.PageObservation(), capture) };
        var json = ObservationsJson.Serialize(observations);

        var read = ObservationsJson.Read(json);

        Assert.Equal(json, ObservationsJson.Serialize(read));
        Assert.NotEmpty(read.Page!.Resources);
    }

    /// <summary>The error names the mutated member or one inside it; the <c>format</c> marker is refused as a whole.</summary>
    private static bool Names(ObservationsFormatException error, string path) =>
        error.Path == path || error.Path.StartsWith(path + ".", StringComparison.Ordinal) || error.Path.StartsWith(path + "[", StringComparison.Ordinal) ||
        (path == "format" && error.Path.Length == 0 && error.Message.Contains("\"format\"", StringComparison.Ordinal)) ||
        (path == "domain" && error.Path.Length == 0 && error.Message.Contains("\"domain\"", StringComparison.Ordinal));

    private static IEnumerable<string> Mutations(string path, string kind)
    {
        var original = Walk(Saved, path);
        switch (kind)
        {
            case "null":
                yield return Set(path, _ => null);
                break;
            case "wrong-type":
                yield return Set(path, _ => original switch
                {
                    JsonObject or JsonArray => JsonValue.Create("text"),
                    JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String => JsonValue.Create(42),
                    _ => new JsonArray(),
                });
                break;
            default:
                yield return Set(path, _ => JsonValue.Create(new string('a', HugeString)));
                yield return Set(path, _ => JsonNode.Parse("1e300"));
                yield return Set(path, _ => JsonValue.Create(long.MaxValue));
                if (original is JsonArray { Count: > 0 } list)
                {
                    yield return Set(path, _ => new JsonArray([.. Enumerable.Range(0, HugeList).Select(_ => list[0]!.DeepClone())]));
                }

                break;
        }
    }

    /// <summary>Every member and element of the file, as a path (<c>hosts[0].addresses[0].ip</c>).</summary>
    private static IEnumerable<string> Paths(JsonNode node, string path)
    {
        switch (node)
        {
            case JsonObject members:
                foreach (var (name, child) in members)
                {
                    var childPath = path.Length == 0 ? name : path + "." + name;
                    yield return childPath;
                    if (child is not null)
                    {
                        foreach (var inner in Paths(child, childPath))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonArray elements:
                for (var i = 0; i < elements.Count; i++)
                {
                    var childPath = path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                    yield return childPath;
                    foreach (var inner in Paths(elements[i]!, childPath))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    private static string Set(string path, Func<JsonNode?, JsonNode?> value)
    {
        var root = Saved.DeepClone();
        var target = Walk(root, path)!;
        var parent = target.Parent!;
        switch (parent)
        {
            case JsonArray array:
                array[array.IndexOf(target)] = value(target);
                break;
            case JsonObject members:
                members[target.GetPropertyName()] = value(target);
                break;
        }

        return root.ToJsonString();
    }

    private static JsonNode? Walk(JsonNode node, string path)
    {
        if (path.Length == 0)
        {
            return node;
        }

        if (path[0] == '[')
        {
            var end = path.IndexOf(']', StringComparison.Ordinal);
            return Walk(node.AsArray()[int.Parse(path[1..end], CultureInfo.InvariantCulture)]!, path[(end + 1)..].TrimStart('.'));
        }

        var stop = path.IndexOfAny(['.', '[']);
        var name = stop < 0 ? path : path[..stop];
        var child = node.AsObject()[name];
        return stop < 0 ? child : Walk(child!, path[stop..].TrimStart('.'));
    }
}
