using Chokepoint.Simulation.World;

namespace Chokepoint.Simulation.Web;

/// <summary>
/// Looks up the faults of a world for one target ("web:HOST", "rdap:TLD") or "*". Reads
/// <see cref="World.World.Faults"/> on every call so that faults added while the simulation runs take effect.
/// </summary>
internal sealed class FaultIndex(World.World world)
{
    /// <summary>The first fault of <paramref name="kind"/> that applies to <paramref name="target"/>, or null.</summary>
    public Fault? Find(string target, string kind)
    {
        foreach (var fault in world.Faults.ToArray())
        {
            if (string.Equals(fault.Kind, kind, StringComparison.OrdinalIgnoreCase) && Applies(fault, target))
            {
                return fault;
            }
        }

        return null;
    }

    /// <summary>Whether a fault of <paramref name="kind"/> applies to <paramref name="target"/>.</summary>
    public bool Has(string target, string kind) => Find(target, kind) is not null;

    private static bool Applies(Fault fault, string target) =>
        fault.Target == "*" || string.Equals(fault.Target.TrimEnd('.'), target, StringComparison.OrdinalIgnoreCase);
}
