using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>
/// A name the audit asked about that answered "does not exist" (NXDOMAIN) or "no such record" (NODATA), or an RDAP
/// service that has no record of the domain (404): an observed fact, not a gap. <see cref="What"/> is the gap key the
/// probe would have filled (<c>host.www</c>), <see cref="Name"/> the name asked, <see cref="Text"/> the fact in words.
/// </summary>
public sealed record AbsentItem(
    [property: JsonPropertyName("what")] string What,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("text")] string Text);
