using Chokepoint.Attribution.Audit;
using Chokepoint.Attribution.Catalog;
using Chokepoint.Naming;
using Chokepoint.Cli.Data;

namespace Chokepoint.Cli.Pipeline;

/// <summary>Loads what attribution needs: the built-in catalog and the installed Public Suffix List.</summary>
public static class AttributionData
{
    /// <summary>The report attributor, or a clear failure when a data set is missing.</summary>
    public static ReportAttributor CreateAttributor(DataDirectory data) =>
        new(new CatalogLookup(ProviderCatalog.LoadEmbedded()), LoadSuffixes(data));

    /// <summary>The Public Suffix List: a refreshed .dat file if present, else the pinned package's rules.</summary>
    public static PublicSuffixList LoadSuffixes(DataDirectory data)
    {
        if (File.Exists(data.PublicSuffixOverride))
        {
            using var reader = File.OpenText(data.PublicSuffixOverride);
            return PublicSuffixList.Parse(reader);
        }

        if (File.Exists(data.PublicSuffixRules))
        {
            return PublicSuffixList.ParseRulesArray(File.ReadAllText(data.PublicSuffixRules));
        }

        throw new CommandFailedException(ExitCodes.RunFailed,
            $"the Public Suffix List is not installed in {data.Root}: run ./build.sh setup (or set CHOKEPOINT_DATA)");
    }
}
