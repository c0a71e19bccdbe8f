namespace Chokepoint.Simulation.World;

/// <summary>A site a world is built to show: a registered domain and a one-line description of what it demonstrates.</summary>
public sealed class SiteInfo
{
    /// <summary>The registered domain (one of <see cref="World.Domains"/>), e.g. "dailyledger-news.com".</summary>
    public string Domain { get; set; } = "";

    /// <summary>One line on what the site demonstrates, e.g. "news site living on ad networks".</summary>
    public string Description { get; set; } = "";
}
