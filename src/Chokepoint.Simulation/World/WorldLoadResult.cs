namespace Chokepoint.Simulation.World;

/// <summary>The outcome of loading a world file: the world, or the errors that prevented it.</summary>
public sealed class WorldLoadResult
{
    private WorldLoadResult(World? world, IReadOnlyList<WorldError> errors)
    {
        World = world;
        Errors = errors;
    }

    /// <summary>The loaded world; null when <see cref="Errors"/> is not empty.</summary>
    public World? World { get; }

    /// <summary>Every problem found, in document order of discovery; empty on success.</summary>
    public IReadOnlyList<WorldError> Errors { get; }

    /// <summary>Whether the world loaded without errors.</summary>
    public bool Success => World is not null;

    /// <summary>A successful result.</summary>
    public static WorldLoadResult Loaded(World world) => new(world, []);

    /// <summary>A failed result (at least one error).</summary>
    public static WorldLoadResult Failed(IReadOnlyList<WorldError> errors)
    {
        if (errors.Count == 0)
        {
            throw new ArgumentException("A failed load needs at least one error.", nameof(errors));
        }

        return new WorldLoadResult(null, errors);
    }

    /// <summary>The errors, one per line, as <see cref="WorldError.ToString"/> formats them.</summary>
    public string Describe() => string.Join(Environment.NewLine, Errors);
}
