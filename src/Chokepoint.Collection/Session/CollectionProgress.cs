namespace Chokepoint.Collection.Session;

/// <summary>
/// One collector of a site's collection has ended (with or without what it looked for: its gaps say which), for a
/// front end that shows progress. The collectors run at once; they end in any order.
/// </summary>
/// <param name="Domain">The audited domain.</param>
/// <param name="Collector">The collector, in kebab case: <c>registration</c>, <c>delegation</c>, <c>site-hosts</c>, <c>mail</c>, <c>web</c>, <c>page</c>, <c>upstream</c>.</param>
/// <param name="Done">How many of the site's collectors have ended, this one included.</param>
/// <param name="Total">How many collectors the site's collection runs.</param>
public sealed record CollectionProgress(string Domain, string Collector, int Done, int Total);
