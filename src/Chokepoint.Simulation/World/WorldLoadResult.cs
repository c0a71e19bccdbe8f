using System.Globalization;

namespace Chokepoint.Simulation.World;

/// <summary>The outcome of loading a world file: the world, or the errors that prevented it.</summary>
public sealed class WorldLoadResult
{
    /// <summary>
    /// Most errors a result keeps; a file with more (a million bad records, say) is described by these and a count
    /// of the rest, so neither memory nor the terminal fills with them.
    /// </summary>
    public const int MaximumErrors = 100;

    private WorldLoadResult(World? world, IReadOnlyList<WorldError> errors, int omittedErrors)
    {
        World = world;
        Errors = errors;
        OmittedErrors = omittedErrors;
    }

    /// <summary>The loaded world; null when <see cref="Errors"/> is not empty.</summary>
    public World? World { get; }

    /// <summary>The first problems found (at most <see cref="MaximumErrors"/>), in document order of discovery; empty on success.</summary>
    public IReadOnlyList<WorldError> Errors { get; }

    /// <summary>How many more problems were found than <see cref="Errors"/> holds.</summary>
    public int OmittedErrors { get; }

    /// <summary>Whether the world loaded without errors.</summary>
    public bool Success => World is not null;

    /// <summary>A successful result.</summary>
    public static WorldLoadResult Loaded(World world) => new(world, [], 0);

    /// <summary>
    /// A failed result (at least one error). Errors past <see cref="MaximumErrors"/> are counted in
    /// <see cref="OmittedErrors"/>, with <paramref name="omittedErrors"/> more that the caller only counted.
    /// </summary>
    public static WorldLoadResult Failed(IReadOnlyList<WorldError> errors, int omittedErrors = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(omittedErrors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("A failed load needs at least one error.", nameof(errors));
        }

        var kept = errors.Count > MaximumErrors ? [.. errors.Take(MaximumErrors)] : errors;
        return new WorldLoadResult(null, kept, omittedErrors + errors.Count - kept.Count);
    }

    /// <summary>
    /// The errors, one per line, as <see cref="WorldError.ToString"/> formats them, then "... and N more errors"
    /// when some were omitted; each line prefixed with <paramref name="indent"/>.
    /// </summary>
    public string Describe(string indent = "") => string.Join(Environment.NewLine, DescribeLines().Select(line => indent + line));

    /// <summary>The lines <see cref="Describe"/> joins: at most <see cref="MaximumErrors"/> + 1.</summary>
    public IEnumerable<string> DescribeLines()
    {
        foreach (var error in Errors)
        {
            yield return error.ToString();
        }

        if (OmittedErrors > 0)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"... and {OmittedErrors} more error{(OmittedErrors == 1 ? "" : "s")}");
        }
    }
}
