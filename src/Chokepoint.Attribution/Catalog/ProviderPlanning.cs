namespace Chokepoint.Attribution.Catalog;

/// <summary>
/// What a plan needs to propose a provider in a ready-to-use artifact, where the provider publishes it for every
/// customer alike: the nameservers that serve its secondary zones, or the exchanger of its backup MX service.
/// </summary>
/// <param name="SecondaryNameServers">Host names that serve the provider's secondary (slave) zones; empty when not published.</param>
/// <param name="BackupMx">The exchanger of its backup MX service, or null.</param>
/// <param name="Source">The public page that states these.</param>
public sealed record ProviderPlanning(IReadOnlyList<string> SecondaryNameServers, string? BackupMx, string Source);
