namespace Chokepoint.Collection.Http;

/// <summary>Limits for <see cref="HttpCollector"/>.</summary>
public sealed record HttpCollectorOptions
{
    /// <summary>Time allowed for one URL and all the redirects it leads through.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>Most redirects followed before giving up.</summary>
    public int MaxRedirects { get; init; } = 10;

    /// <summary>The User-Agent sent.</summary>
    public string UserAgent { get; init; } = "chokepoint/0.1 (+https://github.com/chokepoint)";
}
