using YamlDotNet.Core;

namespace Chokepoint.Simulation.World;

/// <summary>
/// Reads world files (YAML, docs/world-format.md) and validates them. Failures are returned as
/// <see cref="WorldError"/>s that name the file, line, column and field path; nothing is thrown for bad input.
/// </summary>
public static class WorldLoader
{
    /// <summary>Reads and validates the world file at <paramref name="path"/>.</summary>
    public static WorldLoadResult Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            return WorldLoadResult.Failed([new WorldError(path, 0, 0, "", e.Message)]);
        }
        catch (UnauthorizedAccessException e)
        {
            return WorldLoadResult.Failed([new WorldError(path, 0, 0, "", e.Message)]);
        }

        return Parse(text, path);
    }

    /// <summary>Parses and validates world YAML; <paramref name="sourceName"/> is what errors name as the file.</summary>
    public static WorldLoadResult Parse(string yaml, string sourceName)
    {
        var (world, reader) = WorldYamlReader.Read(yaml, sourceName);
        if (world is null)
        {
            return WorldLoadResult.Failed(reader.Errors);
        }

        var errors = new List<WorldError>(reader.Errors);
        foreach (var (path, message) in WorldValidator.Validate(world))
        {
            var mark = FindMark(reader.Marks, path);
            errors.Add(new WorldError(sourceName, (int)(mark?.Line ?? 0), (int)(mark?.Column ?? 0), path, message));
        }

        return errors.Count == 0 ? WorldLoadResult.Loaded(world) : WorldLoadResult.Failed(errors);
    }

    /// <summary>
    /// Validates a world built in code (e.g. by the world generator); errors carry no line.
    /// </summary>
    public static IReadOnlyList<WorldError> Validate(World world, string sourceName = "world") =>
        [.. WorldValidator.Validate(world).Select(p => new WorldError(sourceName, 0, 0, p.Path, p.Message))];

    /// <summary>The mark of <paramref name="path"/>, or of its nearest ancestor that appeared in the text.</summary>
    private static Mark? FindMark(Dictionary<string, Mark> marks, string path)
    {
        while (path.Length > 0)
        {
            if (marks.TryGetValue(path, out var mark))
            {
                return mark;
            }

            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            path = cut > 0 ? path[..cut] : "";
        }

        return null;
    }
}
