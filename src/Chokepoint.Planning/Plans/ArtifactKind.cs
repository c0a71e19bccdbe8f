namespace Chokepoint.Planning.Plans;

/// <summary>What a plan artifact holds.</summary>
public enum ArtifactKind
{
    /// <summary>An RFC 1035 master file to load at a secondary DNS provider.</summary>
    ZoneFile,

    /// <summary>CAA records (RFC 8659) allowing a second CA.</summary>
    CaaRecords,

    /// <summary>MX records with a backup exchanger.</summary>
    MxRecords,

    /// <summary>Notes on the registration: locks, transfer rules, registrar choice.</summary>
    RegistrarNotes,

    /// <summary>Candidate providers from other companies.</summary>
    Alternatives,
}
