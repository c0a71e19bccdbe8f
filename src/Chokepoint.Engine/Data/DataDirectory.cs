namespace Chokepoint.Engine.Data;

/// <summary>
/// Where Chokepoint's data sets live: <c>$CHOKEPOINT_DATA</c> if set, else the <c>data/</c> folder of the source tree
/// the tool runs from (found by walking up from the executable to <c>data/packages/package.json</c>).
/// </summary>
/// <param name="Root">The data folder.</param>
public sealed record DataDirectory(string Root)
{
    /// <summary>The npm packages folder (pinned data sets installed by <c>npm ci</c>).</summary>
    public string PackagesDirectory => Path.Combine(Root, "packages", "node_modules");

    /// <summary>The IP-to-ASN CSV files of the package @ip-location-db/asn.</summary>
    public IReadOnlyList<string> AsnCsvFiles =>
    [
        Path.Combine(PackagesDirectory, "@ip-location-db", "asn", "asn-ipv4.csv"),
        Path.Combine(PackagesDirectory, "@ip-location-db", "asn", "asn-ipv6.csv"),
    ];

    /// <summary>The Public Suffix List rules of the package psl.</summary>
    public string PublicSuffixRules => Path.Combine(PackagesDirectory, "psl", "data", "rules.js");

    /// <summary>Folder of indexes built from the packages by <c>chokepoint data update</c>.</summary>
    public string IndexDirectory => Path.Combine(Root, "index");

    /// <summary>The compact IP-to-ASN index.</summary>
    public string AsnIndex => Path.Combine(IndexDirectory, "asn.idx");

    /// <summary>A Public Suffix List in .dat format fetched by <c>data update --psl FILE</c>; preferred over the package's.</summary>
    public string PublicSuffixOverride => Path.Combine(IndexDirectory, "public_suffix_list.dat");

    /// <summary>Finds the data directory for this process.</summary>
    public static DataDirectory Locate()
    {
        var configured = Environment.GetEnvironmentVariable("CHOKEPOINT_DATA");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new DataDirectory(Path.GetFullPath(configured));
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "data");
            if (File.Exists(Path.Combine(candidate, "packages", "package.json")))
            {
                return new DataDirectory(candidate);
            }
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return new DataDirectory(Path.Combine(home, "chokepoint"));
    }
}
