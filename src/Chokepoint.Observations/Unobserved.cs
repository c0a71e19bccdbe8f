using System.Text;
using System.Text.Json.Serialization;

namespace Chokepoint.Observations;

/// <summary>
/// Something a collector tried to observe and could not: its subject (a <see cref="GapKeys"/> constant), the host,
/// URL or zone concerned, which kind of failure it was, and the reason in words (e.g. "timed out after 5 s").
/// Collectors make them with <see cref="Of"/>.
/// </summary>
/// <param name="What">The display key, as a dotted key such as "dns.ns.child", "rdap" or "tls.www.example.com".</param>
/// <param name="Reason">Why, in words a user can act on.</param>
public sealed record Unobserved(
    [property: JsonPropertyName("what")] string What,
    [property: JsonPropertyName("reason")] string Reason)
{
    /// <summary>The longest reason kept; a longer one (a server's message, say) is cut short.</summary>
    public const int MaxReasonLength = 400;

    /// <summary>Which kind of failure it was; <see cref="GapKind.NotClassified"/> in files that predate kinds.</summary>
    [JsonPropertyName("kind")]
    public GapKind Kind { get; init; } = GapKind.NotClassified;

    /// <summary>
    /// The key family (a <see cref="GapKeys"/> constant, e.g. <see cref="GapKeys.Tls"/>) by which layers take their
    /// gaps. When not given, the family of <see cref="What"/> (<see cref="GapKeys.Infer"/>).
    /// </summary>
    [JsonPropertyName("subject")]
    public string Subject { get; init; } = GapKeys.Infer(What).Subject;

    /// <summary>The host, URL or zone concerned (e.g. "www.example.com"), when there is one.</summary>
    [JsonPropertyName("target")]
    public string? Target { get; init; } = GapKeys.Infer(What).Target;

    /// <summary>
    /// A gap about <paramref name="subject"/>: its display key is the subject, or "{prefix}.{target}" for the families
    /// keyed by target (<see cref="GapKeys.Tls"/>, <see cref="GapKeys.Http"/>, <see cref="GapKeys.MailExchanger"/>).
    /// The reason is kept to one line of at most <see cref="MaxReasonLength"/> characters.
    /// </summary>
    public static Unobserved Of(string subject, GapKind kind, string reason, string? target = null) =>
        new(GapKeys.DisplayKey(subject, target), OneLine(reason)) { Subject = subject, Target = target, Kind = kind };

    /// <summary>The reason with every run of white space (new lines too) made one space, cut to <see cref="MaxReasonLength"/>.</summary>
    public static string OneLine(string reason)
    {
        var text = new StringBuilder(Math.Min(reason.Length, MaxReasonLength + 1));
        var space = false;
        foreach (var c in reason.Trim())
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                text.Append(' ');
                space = false;
            }

            text.Append(c);
            if (text.Length > MaxReasonLength)
            {
                text.Length = MaxReasonLength - 1;
                return text.Append('…').ToString();
            }
        }

        return text.ToString();
    }
}
