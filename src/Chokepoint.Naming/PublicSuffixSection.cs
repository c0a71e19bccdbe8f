namespace Chokepoint.Naming;

/// <summary>The two sections of the Public Suffix List.</summary>
/// <seealso href="https://github.com/publicsuffix/list/wiki/Format#divisions">Public Suffix List divisions</seealso>
public enum PublicSuffixSection
{
    /// <summary>Suffixes of registries: TLDs and the second levels their registries run (<c>com</c>, <c>co.uk</c>).</summary>
    Icann,

    /// <summary>Suffixes one company runs for its customers (<c>cloudfront.net</c>, <c>github.io</c>, <c>blogspot.com</c>).</summary>
    Private,
}
