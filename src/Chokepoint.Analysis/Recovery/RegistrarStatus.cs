namespace Chokepoint.Analysis.Recovery;

/// <summary>
/// EPP domain status codes that matter for recovery.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc5731#section-2.3">RFC 5731 section 2.3, status values</seealso>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc8056">RFC 8056, EPP to RDAP status mapping</seealso>
public static class RegistrarStatus
{
    /// <summary>The registrar blocks transfers away.</summary>
    public const string ClientTransferProhibited = "clientTransferProhibited";

    /// <summary>The registry blocks transfers away (registry lock).</summary>
    public const string ServerTransferProhibited = "serverTransferProhibited";

    /// <summary>The registrar blocks changes (including nameservers).</summary>
    public const string ClientUpdateProhibited = "clientUpdateProhibited";

    /// <summary>The registry blocks changes (including nameservers).</summary>
    public const string ServerUpdateProhibited = "serverUpdateProhibited";

    /// <summary>The registrar removed the name from the TLD zone.</summary>
    public const string ClientHold = "clientHold";

    /// <summary>The registry removed the name from the TLD zone.</summary>
    public const string ServerHold = "serverHold";

    /// <summary>The name is about to be deleted and cannot be restored.</summary>
    public const string PendingDelete = "pendingDelete";

    /// <summary>The name was deleted and can still be restored by its registrar.</summary>
    public const string RedemptionPeriod = "redemptionPeriod";

    /// <summary>True when <paramref name="codes"/> contains <paramref name="code"/> in EPP or RDAP spelling.</summary>
    public static bool Has(IReadOnlyList<string>? codes, string code) =>
        codes is not null && codes.Any(c => string.Equals(Normalize(c), Normalize(code), StringComparison.Ordinal));

    private static string Normalize(string code) =>
        new string(code.Where(char.IsLetter).ToArray()).ToUpperInvariant();
}
