namespace Chokepoint.Simulation.Dns.Wire;

/// <summary>The RDATA of a resource record; one derived record per supported type.</summary>
public abstract record DnsRecordData
{
    /// <summary>The record type this data belongs to.</summary>
    public abstract DnsRecordType Type { get; }
}
