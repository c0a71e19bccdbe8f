using Chokepoint.Observations.Registration;

namespace Chokepoint.Collection.Session;

/// <summary>
/// What the nameserver-domain collector recorded, as one value: its presence tells "looked up, none found" (an
/// empty list) from "not collected" (no value).
/// </summary>
internal sealed record NameServerDomainSet(List<NameServerDomainObservation> Domains);
