using System.Text;

namespace Chokepoint.Simulation.Rdap;

/// <summary>Maps EPP status codes to RDAP status values.</summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc8056">RFC 8056: EPP and RDAP status mapping</seealso>
public static class RdapStatus
{
    /// <summary>
    /// The RDAP status for an EPP status: "ok" is "active", "linked" is "associated", and every other code is its
    /// words in lower case ("clientHold" is "client hold", "serverTransferProhibited" is "server transfer prohibited").
    /// </summary>
    public static string FromEpp(string eppStatus)
    {
        ArgumentNullException.ThrowIfNull(eppStatus);
        switch (eppStatus)
        {
            case "ok":
                return "active";
            case "linked":
                return "associated";
        }

        var words = new StringBuilder(eppStatus.Length + 4);
        foreach (var character in eppStatus)
        {
            if (char.IsUpper(character) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(character));
        }

        return words.ToString();
    }
}
