using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Chokepoint.Scanning;

/// <summary>The identity of a scan: a hash of its list entries and of the settings that change what it writes.</summary>
public static class ScanIdentity
{
    /// <summary>SHA-256 over every entry (line, input, domain) and each setting, hex.</summary>
    public static string Of(ScanList list, IEnumerable<string> settings)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(settings);
        var text = new StringBuilder();
        foreach (var entry in list.Entries)
        {
            text.Append(entry.Line.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(entry.Input).Append('\t').Append(entry.Domain).Append('\n');
        }

        text.Append("--\n");
        foreach (var setting in settings)
        {
            text.Append(setting).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
