using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>How much a site function matters to the site's owner; ordered from most to least important.</summary>
[JsonConverter(typeof(VocabularyConverter<Importance>))]
public enum Importance
{
    /// <summary>Without it the site is gone for its readers (the name, the web site, HTTPS).</summary>
    Critical,

    /// <summary>A main function such as mail or the main revenue path.</summary>
    High,

    /// <summary>A secondary function or revenue path.</summary>
    Medium,

    /// <summary>A nice-to-have: embedded media, widgets.</summary>
    Low,
}
