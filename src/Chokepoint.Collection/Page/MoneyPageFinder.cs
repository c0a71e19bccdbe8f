using System.Text;
using Chokepoint.Observations.Page;
using Chokepoint.Naming;

namespace Chokepoint.Collection.Page;

/// <summary>
/// Picks, from a page's links, the same-site pages where money changes hands: donate, membership, subscribe, shop
/// and support pages, recognised by link text and URL path in English, French, German, Spanish, Italian, Portuguese
/// and Dutch.
/// </summary>
public static class MoneyPageFinder
{
    /// <summary>Money pages returned by default.</summary>
    public const int DefaultMaxPages = 4;

    /// <summary>Purposes in the order they are preferred when there are more candidates than pages to fetch.</summary>
    public static IReadOnlyList<string> Purposes { get; } = ["donate", "membership", "subscribe", "shop", "support"];

    /// <summary>Single words (accents folded, lowercase) that name each purpose.</summary>
    private static readonly Dictionary<string, string> Words = BuildWords();

    /// <summary>Phrases (space-separated words, accents folded) that name a purpose when a single word would be ambiguous.</summary>
    private static readonly (string[] Words, string Purpose)[] Phrases =
    [
        (["faire", "un", "don"], "donate"),
        (["faites", "un", "don"], "donate"),
        (["give", "now"], "donate"),
        (["support", "us"], "support"),
        (["support", "our"], "support"),
        (["supporting", "us"], "support"),
        (["steun", "ons"], "support"),
        (["become", "a", "member"], "membership"),
        (["join", "us"], "membership"),
        (["mitglied", "werden"], "membership"),
        (["hazte", "socio"], "membership"),
        (["diventa", "socio"], "membership"),
        (["lid", "worden"], "membership"),
        (["s", "abonner"], "subscribe"),
    ];

    /// <summary>
    /// Returns at most <paramref name="maxPages"/> same-site money pages linked from a page, one per purpose first
    /// (in <see cref="Purposes"/> order), then further ones in link order.
    /// </summary>
    /// <param name="links">The page's links (from <see cref="HtmlResourceExtractor"/>).</param>
    /// <param name="pageUrl">The page the links were found on; it is never returned.</param>
    /// <param name="siteDomain">The site's registrable domain (e.g. "example.org"); when null, the page's host without a leading "www.".</param>
    /// <param name="maxPages">The most pages to return.</param>
    public static IReadOnlyList<MoneyPage> Find(
        IEnumerable<PageLink> links,
        Uri pageUrl,
        string? siteDomain = null,
        int maxPages = DefaultMaxPages)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(pageUrl);
        var site = HostName.Normalize(siteDomain ?? SiteOf(pageUrl));
        var page = WithoutFragment(pageUrl);
        var seen = new HashSet<string>(StringComparer.Ordinal) { page.AbsoluteUri };
        var candidates = new List<MoneyPage>();
        foreach (var link in links)
        {
            if (!Uri.TryCreate(link.Url, UriKind.Absolute, out var url)
                || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
                || !AffiliateLinkParser.IsUnder(HostName.Of(url), site))
            {
                continue;
            }

            url = WithoutFragment(url);
            if (!seen.Add(url.AbsoluteUri) || Classify(link.Text, url) is not { } match)
            {
                continue;
            }

            candidates.Add(new MoneyPage(url, match.Purpose, link.Text, match.MatchedOn));
        }

        var chosen = new List<MoneyPage>();
        foreach (var purpose in Purposes)
        {
            if (chosen.Count < maxPages && candidates.FirstOrDefault(c => c.Purpose == purpose) is { } first)
            {
                chosen.Add(first);
            }
        }

        foreach (var candidate in candidates)
        {
            if (chosen.Count >= maxPages)
            {
                break;
            }

            if (!chosen.Contains(candidate))
            {
                chosen.Add(candidate);
            }
        }

        return chosen;
    }

    /// <summary>
    /// Says what a link is for, money-wise, from its text and URL path; null when it is not a money link.
    /// Works for links to any site (e.g. an outbound donation platform).
    /// </summary>
    public static (string Purpose, string MatchedOn)? Classify(string? text, Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var byText = string.IsNullOrWhiteSpace(text) ? null : PurposeOf(Tokens(text));
        var path = url.IsAbsoluteUri ? url.AbsolutePath : url.OriginalString;
        var byPath = PurposeOf(Tokens(Uri.UnescapeDataString(path)));
        return (byText, byPath) switch
        {
            (null, null) => null,
            ({ } t, { } p) when t == p => (t, "text and path"),
            ({ } t, _) => (t, "text"),
            (null, { } p) => (p, "path"),
        };
    }

    private static string? PurposeOf(List<string> tokens)
    {
        if (tokens.Count == 0 || tokens.Count > 40)
        {
            return null; // Paragraph-long link text names an article, not a destination.
        }

        string? best = null;
        foreach (var (phrase, purpose) in Phrases)
        {
            if (ContainsPhrase(tokens, phrase) && Better(purpose, best))
            {
                best = purpose;
            }
        }

        foreach (var token in tokens)
        {
            if (Words.TryGetValue(token, out var purpose) && Better(purpose, best))
            {
                best = purpose;
            }
        }

        return best;
    }

    private static bool Better(string purpose, string? current) =>
        current is null || Rank(purpose) < Rank(current);

    private static int Rank(string purpose)
    {
        for (var i = 0; i < Purposes.Count; i++)
        {
            if (Purposes[i] == purpose)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private static bool ContainsPhrase(List<string> tokens, string[] phrase)
    {
        for (var start = 0; start + phrase.Length <= tokens.Count; start++)
        {
            var match = true;
            for (var i = 0; i < phrase.Length && match; i++)
            {
                match = tokens[start + i] == phrase[i];
            }

            if (match)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Lowercase, accent-folded words of letters and digits.</summary>
    internal static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var raw in text.Length > 1000 ? text[..1000] : text)
        {
            var folded = raw is '\'' or '\u2019' ? "'" : Fold(char.ToLowerInvariant(raw));
            if (folded is null)
            {
                Flush(tokens, current);
            }
            else
            {
                current.Append(folded);
            }
        }

        Flush(tokens, current);
        return tokens;
    }

    /// <summary>
    /// Ends a word. A French elision ("s'abonner", "l'adhésion") splits at the apostrophe; an English contraction
    /// ("don't") stays one word, so it never reads as the French "don".
    /// </summary>
    private static void Flush(List<string> tokens, StringBuilder current)
    {
        var word = current.ToString().Trim('\'');
        current.Clear();
        if (word.Length == 0)
        {
            return;
        }

        var apostrophe = word.IndexOf('\'', StringComparison.Ordinal);
        if (apostrophe is > 0 and <= 2)
        {
            tokens.Add(word[..apostrophe]);
            tokens.Add(word[(apostrophe + 1)..]);
        }
        else
        {
            tokens.Add(word);
        }
    }

    /// <summary>Folds a lowercase letter to ASCII (é -> e, ß -> ss); null for separators.</summary>
    private static string? Fold(char c) => c switch
    {
        >= 'a' and <= 'z' or >= '0' and <= '9' => c.ToString(),
        'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' => "a",
        'ç' => "c",
        'è' or 'é' or 'ê' or 'ë' => "e",
        'ì' or 'í' or 'î' or 'ï' => "i",
        'ñ' => "n",
        'ò' or 'ó' or 'ô' or 'õ' or 'ö' => "o",
        'ù' or 'ú' or 'û' or 'ü' => "u",
        'ß' => "ss",
        _ when char.IsLetterOrDigit(c) => c.ToString(),
        _ => null,
    };

    private static Dictionary<string, string> BuildWords()
    {
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string purpose, params string[] list)
        {
            foreach (var word in list)
            {
                words[word] = purpose;
            }
        }

        Add("donate",
            "donate", "donation", "donations", "donating", "give", "giving", // en
            "don", "dons", "donner", "donation", // fr
            "spenden", "spende", "spendenkonto", // de
            "donar", "dona", "donacion", "donaciones", "donativo", "donativos", // es
            "donazione", "donazioni", "dona", // it
            "doar", "doacao", "doacoes", // pt
            "doneer", "doneren", "donatie", "donaties"); // nl
        Add("membership",
            "membership", "memberships", "members", // en
            "adherer", "adhesion", "adherez", "adhesions", // fr
            "mitglied", "mitgliedschaft", "mitgliedschaften", // de
            "socio", "socios", "socia", "membresia", "hazte", // es, it
            "associe", "associar", "socios", // pt
            "lidmaatschap", "lid"); // nl
        Add("subscribe",
            "subscribe", "subscription", "subscriptions", // en
            "abonner", "abonnez", "abonnement", "abonnements", // fr, nl
            "abonnieren", "abo", "abonnement", // de
            "suscribirse", "suscribete", "suscripcion", "suscripciones", // es
            "abbonati", "abbonarsi", "abbonamento", "abbonamenti", // it
            "assinar", "assine", "assinatura", "assinaturas", // pt
            "abonneren", "abonneer"); // nl
        Add("shop",
            "shop", "store", "merch", "merchandise", // en
            "boutique", // fr
            "laden", "onlineshop", // de
            "tienda", // es
            "negozio", // it
            "loja", // pt
            "winkel", "webshop"); // nl
        Add("support",
            "soutenir", "soutenez", "soutien", // fr
            "unterstutzen", "unterstuetzen", "unterstutzung", // de
            "apoyar", "apoya", "apoyanos", // es
            "sostieni", "sostienici", "sostenere", // it
            "apoie", "apoiar", "apoio", // pt
            "steun", "steunen", // nl
            "supportus", "patron", "patrons"); // en
        return words;
    }

    private static string SiteOf(Uri url)
    {
        var host = HostName.Of(url);
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    private static Uri WithoutFragment(Uri url) =>
        url.Fragment.Length == 0 ? url : new UriBuilder(url) { Fragment = "" }.Uri;
}
