using Chokepoint.Collection.Page;
using Chokepoint.Observations.Page;
using CsCheck;

namespace Chokepoint.Collection.Tests.Fuzzing;

/// <summary>
/// The ads.txt parser on hostile text: never an exception; at most one entry, variable or error per line read;
/// errors listed within the limit; the limits on lines and characters hold; and entries written in the IAB format
/// read back as they were.
/// </summary>
/// <seealso href="https://iabtechlab.com/ads-txt/">IAB Tech Lab: ads.txt specification 1.1</seealso>
public sealed class AdsTxtParserProperties
{
    private static readonly string[] Tokens =
    [
        ",", ", ", "#", "=", ";", "\n", "\r", "\r\n", "\uFEFF", " ", "\t", "DIRECT", "RESELLER", "direct", "google.com",
        "pub-1234", "f08c47fec0942fa0", "contact=", "subdomain=", "OWNERDOMAIN=", "MANAGERDOMAIN=x.example,US", "\u00e9",
        "xn--", "..", "a.b.c.d.e", "\0", "\u202e", new string('a', 300),
    ];

    private const string Seed = """
        # ads.txt for shop.example
        google.com, pub-1234567890, DIRECT, f08c47fec0942fa0
        appnexus.com, 1234, RESELLER
        contact=ads@shop.example
        subdomain=news.shop.example
        rubiconproject.com, 9999, DIRECT, 0bfd66d529a55807 ; extension
        """;

    private static AdsTxtParseResult Parse(string text, int maxLines = AdsTxtParser.DefaultMaxLines, int maxChars = AdsTxtParser.DefaultMaxChars, int maxErrors = AdsTxtParser.DefaultMaxErrors)
    {
        var result = Mutations.Timed(() => AdsTxtParser.Parse(text, "ads.txt", maxLines, maxChars, maxErrors));
        Assert.True(result.Entries.Count + result.Variables.Count + result.Errors.Count + result.ErrorsNotListed <= result.LinesRead);
        Assert.True(result.LinesRead <= maxLines);
        Assert.True(result.Errors.Count <= maxErrors);
        Assert.True(result.LinesRead <= text.Length + 1);
        Assert.All(result.Entries, e => Assert.Contains(e.Relationship, new[] { "DIRECT", "RESELLER" }));
        return result;
    }

    [Fact]
    public void Random_text_never_throws() =>
        Gen.String.Sample(text => Parse(text), iter: Fuzz.Iterations(1000));

    [Fact]
    public void Mutated_files_never_throw_and_keep_their_limits() =>
        Gen.Select(Mutations.Of(Seed, Tokens, maxEdits: 10), Gen.Int[1, 8], Gen.Int[1, 400], Gen.Int[0, 3])
            .Sample((text, lines, chars, errors) => Parse(text, lines, chars, errors), iter: Fuzz.Iterations(1000));

    private static readonly Gen<AdsTxtEntry> EntryGen =
        Gen.Select(
            Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-"], 1, 12],
            Gen.OneOf("com", "net", "co.uk", "io"),
            Gen.String[Gen.Char["abcdefABCDEF0123456789-_pub"], 1, 20],
            Gen.OneOf("DIRECT", "RESELLER"),
            Gen.String[Gen.Char["abcdef0123456789"], 0, 16])
        .Where((label, _, _, _, _) => label[0] != '-' && label[^1] != '-')
        .Select((label, suffix, account, relationship, authority) => new AdsTxtEntry
        {
            AdSystem = label + "." + suffix,
            AccountId = account,
            Relationship = relationship,
            CertificationAuthorityId = authority.Length == 0 ? null : authority,
        });

    [Fact]
    public void Written_entries_read_back_as_they_were() =>
        Gen.Select(EntryGen.List[0, 30], Gen.OneOf("\n", "\r\n", "\r"))
            .Sample((entries, newline) =>
            {
                var text = string.Join(newline, entries.Select(e =>
                    $"{e.AdSystem.ToUpperInvariant()} , {e.AccountId},{e.Relationship.ToLowerInvariant()}" + (e.CertificationAuthorityId is { } id ? $", {id}" : "") + " # note"));

                var result = Parse(text);

                Assert.Empty(result.Errors);
                Assert.Equal(entries, result.Entries);
            }, iter: Fuzz.Iterations(300));
}
