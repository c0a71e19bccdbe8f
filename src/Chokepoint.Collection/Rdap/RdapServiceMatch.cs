namespace Chokepoint.Collection.Rdap;

/// <summary>The bootstrap entry that serves a domain: the matched TLD (or suffix) and its RDAP base URLs, HTTPS first.</summary>
public sealed record RdapServiceMatch(string Tld, IReadOnlyList<Uri> BaseUrls);
