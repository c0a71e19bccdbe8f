namespace Chokepoint.Simulation.Generation;

/// <summary>What the generator chose for one site: the world's truth about it, by generator choice id.</summary>
/// <param name="Domain">The site's registrable domain.</param>
/// <param name="Tld">The TLD (<c>com</c>, <c>org</c>...).</param>
/// <param name="Registrar">The registrar choice.</param>
/// <param name="Dns">The DNS choice (<see cref="ProviderShares.SelfHosted"/> for the site's own nameservers).</param>
/// <param name="Cdn">The CDN choice, or <c>none</c>.</param>
/// <param name="Hosting">
/// The hosting choice: where the pages are served from when <paramref name="Cdn"/> is <c>none</c>; behind a CDN the
/// world has no origin, and this only places the site's self-run name and mail servers.
/// </param>
/// <param name="Ca">The certificate authority choice.</param>
/// <param name="Mail">The mail choice: a provider, <c>self</c> or <c>none</c>.</param>
public sealed record GeneratedSite(string Domain, string Tld, string Registrar, string Dns, string Cdn, string Hosting, string Ca, string Mail);
