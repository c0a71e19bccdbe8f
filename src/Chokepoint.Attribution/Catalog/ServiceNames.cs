using Chokepoint.Model;

namespace Chokepoint.Attribution.Catalog;

/// <summary>The services a provider can offer, as written in data files: the words of <see cref="ServiceKinds.InCatalog"/>.</summary>
public static class ServiceNames
{
    /// <summary>Every allowed service word.</summary>
    public static IReadOnlyList<string> All { get; } = [.. ServiceKinds.InCatalog.Select(kind => kind.ToWord())];

    /// <summary>True when the word is an allowed service.</summary>
    public static bool IsKnown(string service) => All.Contains(service, StringComparer.Ordinal);
}
