using Chokepoint.Simulation.World;

namespace Chokepoint.Simulation.Demo;

/// <summary>
/// The built-in demo world (<c>Demo/demo-world.yaml</c>, embedded): a dozen fictional sites on real providers that
/// together show every kind of exposure Chokepoint reports.
/// </summary>
public static class DemoWorld
{
    /// <summary>The logical name of the embedded world file.</summary>
    public const string ResourceName = "Demo.demo-world.yaml";

    /// <summary>The name errors give as the file of the embedded world.</summary>
    public const string SourceName = "demo-world.yaml";

    private static readonly Lazy<string> Text = new(ReadText);
    private static readonly Lazy<IReadOnlyList<SiteInfo>> SiteList = new(() => Load().Sites.AsReadOnly());

    /// <summary>What each demo site demonstrates (from the world's <c>sites</c> section), in file order.</summary>
    public static IReadOnlyList<SiteInfo> Sites => SiteList.Value;

    /// <summary>The demo world's YAML text.</summary>
    public static string Yaml => Text.Value;

    /// <summary>
    /// Loads a fresh copy of the demo world (callers may change it). Throws <see cref="InvalidOperationException"/>
    /// only if the embedded file is invalid, which a test rules out.
    /// </summary>
    public static World.World Load()
    {
        var result = WorldLoader.Parse(Text.Value, SourceName);
        return result.World ?? throw new InvalidOperationException("The embedded demo world is invalid:" + Environment.NewLine + result.Describe());
    }

    private static string ReadText()
    {
        using var stream = typeof(DemoWorld).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
