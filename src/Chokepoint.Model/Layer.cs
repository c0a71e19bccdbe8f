namespace Chokepoint.Model;

/// <summary>The layers of a site's supply chain, in the order the report shows them.</summary>
public static class Layer
{
    public const string Registration = "registration";
    public const string Dns = "dns";
    public const string Hosting = "hosting";
    public const string Cdn = "cdn";
    public const string Tls = "tls";
    public const string Mail = "mail";
    public const string Page = "page";
    public const string Money = "money";

    /// <summary>Every layer, in report order.</summary>
    public static IReadOnlyList<string> All { get; } = [Registration, Dns, Hosting, Cdn, Tls, Mail, Page, Money];
}
