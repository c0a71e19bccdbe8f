using Chokepoint.Naming;

namespace Chokepoint.Collection.Page;

/// <summary>The host of a URL taken from a page or a capture, which may be anything a hostile page chooses.</summary>
internal static class UrlHost
{
    /// <summary>
    /// The host in <see cref="HostName"/> form, or null when it is not a valid internationalised name: UTS 46 refuses
    /// it (e.g. a label mixing scripts and joiners that no registry allows) and <see cref="Uri.IdnHost"/> throws.
    /// Such a URL names no host anything could depend on.
    /// </summary>
    /// <seealso href="https://www.unicode.org/reports/tr46/">UTS 46: Unicode IDNA Compatibility Processing</seealso>
    public static string? Of(Uri url)
    {
        try
        {
            return HostName.Of(url);
        }
        catch (UriFormatException)
        {
            return null;
        }
    }
}
