using System.Globalization;
using System.Text.Json;
using Chokepoint.Collection.Asn;

namespace Chokepoint.Engine.Data;

/// <summary>Reads which data sets are installed in a <see cref="DataDirectory"/>, their versions, dates and licences.</summary>
public static class DataSetInventory
{
    /// <summary>The status of every data set Chokepoint uses.</summary>
    public static IReadOnlyList<DataSetStatus> Read(DataDirectory data)
    {
        var asnPackage = Path.Combine(data.PackagesDirectory, "@ip-location-db", "asn");
        var asnVersion = PackageVersion(asnPackage);
        var pslPackage = Path.Combine(data.PackagesDirectory, "psl");
        var pslVersion = PackageVersion(pslPackage);
        var indexExists = File.Exists(data.AsnIndexInUse);
        var indexProblem = indexExists ? IndexProblem(data.AsnIndexInUse) : null;
        var pslOverride = File.Exists(data.PublicSuffixOverrideInUse);

        return
        [
            new DataSetStatus
            {
                Name = "ip-to-asn",
                Purpose = "maps each address to the network (AS) that announces it",
                Installed = asnVersion is not null && data.AsnCsvFiles.All(File.Exists),
                Version = asnVersion,
                Date = DateFromIpLocationDbVersion(asnVersion),
                Licence = "CC BY 4.0",
                Attribution = "RouteViews (routeviews.org), DB-IP (db-ip.com) and NRO (nro.net), via the npm package @ip-location-db/asn",
                Path = asnPackage,
                Note = asnVersion is null ? "not installed: run ./build.sh setup (npm ci in data/packages)"
                    : !data.AsnCsvFiles.All(File.Exists) ? "its CSV files are not installed (an installed tool carries only the index built from them); 'chokepoint data update --asn-csv FILE...' rebuilds the index from others"
                    : null,
            },
            new DataSetStatus
            {
                Name = "ip-to-asn index",
                Purpose = "compact index of the IP-to-ASN data for fast lookups",
                Installed = indexExists && indexProblem is null,
                Date = indexExists ? File.GetLastWriteTimeUtc(data.AsnIndexInUse).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                Licence = "CC BY 4.0 (derived)",
                Path = data.AsnIndexInUse,
                Note = !indexExists ? "not built: run 'chokepoint data update'"
                    : indexProblem is not null ? $"{indexProblem}; run `chokepoint data update`"
                    : null,
            },
            new DataSetStatus
            {
                Name = "public-suffix-list",
                Purpose = "finds registrable domains (private vs third-party tests)",
                Installed = pslOverride || File.Exists(data.PublicSuffixRules),
                Version = pslOverride ? "refreshed file" : pslVersion,
                Date = pslOverride ? File.GetLastWriteTimeUtc(data.PublicSuffixOverrideInUse).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                Licence = "MPL-2.0 (list), MIT (npm package psl)",
                Attribution = "Mozilla Foundation, publicsuffix.org",
                Path = pslOverride ? data.PublicSuffixOverrideInUse : data.PublicSuffixRules,
                Note = pslOverride || File.Exists(data.PublicSuffixRules) ? null : "not installed: run ./build.sh setup",
            },
            new DataSetStatus
            {
                Name = "provider-catalog",
                Purpose = "signals that attribute services to owning companies",
                Installed = true,
                Version = "built in",
                Licence = "Apache-2.0 (authored; every fact cites a public source)",
            },
        ];
    }

    /// <summary>The index's header against its length (the whole file is checked when it is loaded).</summary>
    private static string? IndexProblem(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            Span<byte> start = stackalloc byte[24];
            var read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
            return AsnDatabase.CheckIndexHeader(start[..read], stream.Length);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return "unreadable: " + exception.Message;
        }
    }

    private static string? PackageVersion(string packageDirectory)
    {
        var manifest = Path.Combine(packageDirectory, "package.json");
        if (!File.Exists(manifest))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(manifest));
            return document.RootElement.TryGetProperty("version", out var version) ? version.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The package versions look like 2.3.2026061719: the last part is yyyyMMddHH.</summary>
    internal static string? DateFromIpLocationDbVersion(string? version)
    {
        var last = version?.Split('.').LastOrDefault();
        return last is { Length: 10 }
            && DateTime.TryParseExact(last[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
    }
}
