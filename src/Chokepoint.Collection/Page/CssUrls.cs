using System.Text.RegularExpressions;

namespace Chokepoint.Collection.Page;

/// <summary>Finds the fonts (<c>@font-face { src: url(...) }</c>) and imported stylesheets an inline stylesheet loads.</summary>
/// <seealso href="https://www.w3.org/TR/css-fonts-4/#font-face-rule"/>
internal static partial class CssUrls
{
    public static IEnumerable<(string Url, string Kind)> Find(string css)
    {
        foreach (Match import in ImportPattern().Matches(css))
        {
            yield return (import.Groups["url"].Value, "stylesheet");
        }

        var position = 0;
        while (position < css.Length)
        {
            var at = css.IndexOf("@font-face", position, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                yield break;
            }

            var open = css.IndexOf('{', at);
            var close = open < 0 ? -1 : css.IndexOf('}', open);
            if (close < 0)
            {
                yield break;
            }

            foreach (Match url in UrlPattern().Matches(css, open).TakeWhile(m => m.Index < close))
            {
                yield return (url.Groups["url"].Value, "font");
            }

            position = close + 1;
        }
    }

    [GeneratedRegex("""url\(\s*['"]?(?<url>[^'")\s]+)['"]?\s*\)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UrlPattern();

    [GeneratedRegex("""@import\s+(?:url\(\s*)?['"]?(?<url>[^'")\s;]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ImportPattern();
}
