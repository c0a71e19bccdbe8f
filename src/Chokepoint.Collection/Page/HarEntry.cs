namespace Chokepoint.Collection.Page;

/// <summary>One request a browser made while loading a page, as recorded in a HAR capture.</summary>
public sealed record HarEntry
{
    /// <summary>The request URL.</summary>
    public required string Url { get; init; }

    /// <summary>The URL's host, lowercased; empty when the URL could not be parsed.</summary>
    public required string Host { get; init; }

    /// <summary>The request method, e.g. "GET".</summary>
    public string? Method { get; init; }

    /// <summary>The response status; null when the capture has none (0 in HAR means no response arrived).</summary>
    public int? Status { get; init; }

    /// <summary>The response's content MIME type as recorded.</summary>
    public string? MimeType { get; init; }

    /// <summary>document, script, stylesheet, font, image, media, xhr or other.</summary>
    public required string Kind { get; init; }

    /// <summary>Response headers with lowercased names; repeated headers joined with ", ".</summary>
    public Dictionary<string, string> Headers { get; init; } = [];

    /// <summary>The server address the browser connected to, when recorded.</summary>
    public string? ServerIpAddress { get; init; }
}
