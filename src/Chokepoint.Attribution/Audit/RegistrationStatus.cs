namespace Chokepoint.Attribution.Audit;

/// <summary>Reads EPP / RDAP status values ("clientHold" and "client hold" alike).</summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc8056">RFC 8056: EPP and RDAP status mapping</seealso>
public static class RegistrationStatus
{
    /// <summary>Status values compared without spaces and case.</summary>
    public static string Normalize(string status) => status.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>True if the domain is on hold (clientHold or serverHold).</summary>
    public static bool IsOnHold(IEnumerable<string> statuses) =>
        statuses.Select(Normalize).Any(status => status is "clienthold" or "serverhold");

    /// <summary>True if a transfer away is blocked by a lock.</summary>
    public static bool IsTransferLocked(IEnumerable<string> statuses) =>
        statuses.Select(Normalize).Any(status => status is "clienttransferprohibited" or "servertransferprohibited");
}
