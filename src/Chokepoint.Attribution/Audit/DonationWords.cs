namespace Chokepoint.Attribution.Audit;

/// <summary>Tells a donation link from a purchase: the words for "donate" and "give" in the languages the page collector reads.</summary>
public static class DonationWords
{
    private static readonly string[] Words =
    [
        "donate", "donation", "give", "faire-un-don", "faire un don", "don", "spenden", "spende", "donar", "donación",
        "doar", "doação", "doneer", "donatie", "dona", "donazione",
    ];

    /// <summary>True when the link's text, its URL or the page it was found on speaks of donating.</summary>
    public static bool IsDonation(string? text, string url, string? foundOn) =>
        Matches(text) || Matches(PathOf(url)) || Matches(PathOf(foundOn));

    private static string? PathOf(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.PathAndQuery : null;

    private static bool Matches(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var tokens = text.ToLowerInvariant().Split([' ', '/', '?', '&', '=', '_', '.', '-', '!', ','], StringSplitOptions.RemoveEmptyEntries);
        var joined = " " + string.Join(' ', tokens) + " ";
        return Words.Any(word => word.Contains(' ', StringComparison.Ordinal) || word.Contains('-', StringComparison.Ordinal)
            ? joined.Contains(" " + word.Replace('-', ' ') + " ", StringComparison.Ordinal)
            : tokens.Contains(word, StringComparer.Ordinal));
    }
}
