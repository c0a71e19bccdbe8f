using System.Text;
using YamlDotNet.Core;

namespace Chokepoint.Simulation.World;

/// <summary>
/// Reads world files (YAML, docs/world-format.md) and validates them. Failures are returned as
/// <see cref="WorldError"/>s that name the file, line, column and field path; nothing is thrown for bad input.
/// The text is read as a stream (never held whole), so memory follows the size of the world kept.
/// </summary>
public static class WorldLoader
{
    /// <summary>
    /// Reads and validates the world file at <paramref name="path"/>, a file the caller trusts (tests, benchmarks).
    /// A path from a user is opened by the caller with its file checks (the command line's: regular files only,
    /// read within a size limit) and given to <see cref="Load(Func{Stream}, string)"/>.
    /// </summary>
    public static WorldLoadResult Load(string path)
    {
        if (Directory.Exists(path))
        {
            return WorldLoadResult.Failed([new WorldError(path, 0, 0, "", "not a regular file (a directory)")]);
        }

        try
        {
            // Opened once here so that a missing or unreadable file is one error, not an exception from the reader.
            new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1).Dispose();
            return Load(() => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, FileOptions.SequentialScan), path);
        }
        catch (IOException e)
        {
            return WorldLoadResult.Failed([new WorldError(path, 0, 0, "", e.Message)]);
        }
        catch (UnauthorizedAccessException e)
        {
            return WorldLoadResult.Failed([new WorldError(path, 0, 0, "", e.Message)]);
        }
    }

    /// <summary>
    /// Reads (UTF-8 unless a byte-order mark says otherwise) and validates the world in the stream that
    /// <paramref name="open"/> gives; <paramref name="sourceName"/> is what errors name as the file. The stream is
    /// opened a second time only when validation errors need their lines. Exceptions of the stream itself (a size
    /// limit, an I/O error) are the caller's and pass through.
    /// </summary>
    public static WorldLoadResult Load(Func<Stream> open, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(open);
        return Load(() => new StreamReader(open(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 65536), sourceName);
    }

    /// <summary>Parses and validates world YAML; <paramref name="sourceName"/> is what errors name as the file.</summary>
    public static WorldLoadResult Parse(string yaml, string sourceName) => Load(() => new StringReader(yaml), sourceName);

    /// <summary>
    /// Validates a world built in code (e.g. by the world generator); errors carry no line. At most
    /// <see cref="WorldLoadResult.MaximumErrors"/> are returned.
    /// </summary>
    public static IReadOnlyList<WorldError> Validate(World world, string sourceName = "world") =>
        [.. WorldValidator.Validate(world).Problems.Select(p => new WorldError(sourceName, 0, 0, p.Path, p.Message))];

    private static WorldLoadResult Load(Func<TextReader> open, string sourceName)
    {
        var (world, reader) = WorldYamlReader.Read(open, sourceName);
        if (world is null)
        {
            return WorldLoadResult.Failed(reader.Errors, reader.OmittedErrors);
        }

        var errors = new List<WorldError>(reader.Errors);
        var omitted = reader.OmittedErrors;
        var (problems, more) = WorldValidator.Validate(world, WorldLoadResult.MaximumErrors - errors.Count);
        omitted += more;
        if (problems.Count > 0)
        {
            var marks = reader.FindMarks(problems.Select(p => p.Path));
            foreach (var (path, message) in problems)
            {
                var mark = FindMark(marks, path);
                errors.Add(new WorldError(sourceName, (int)(mark?.Line ?? 0), (int)(mark?.Column ?? 0), path, message));
            }
        }

        return errors.Count == 0 ? WorldLoadResult.Loaded(world) : WorldLoadResult.Failed(errors, omitted);
    }

    /// <summary>The mark of <paramref name="path"/>, or of its nearest ancestor that appeared in the text.</summary>
    private static Mark? FindMark(Dictionary<string, Mark> marks, string path)
    {
        for (; path.Length > 0; path = WorldYamlReader.Parent(path))
        {
            if (marks.TryGetValue(path, out var mark))
            {
                return mark;
            }
        }

        return null;
    }
}
