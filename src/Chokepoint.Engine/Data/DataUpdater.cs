using System.Globalization;
using System.Text;
using Chokepoint.Naming;
using Chokepoint.Collection.Asn;

namespace Chokepoint.Engine.Data;

/// <summary>Builds the indexes <c>chokepoint data update</c> maintains.</summary>
public static class DataUpdater
{
    /// <summary>Indexes IP-to-ASN data and installs a Public Suffix List; returns lines describing what was done.</summary>
    public static IReadOnlyList<string> Update(DataDirectory data, IReadOnlyList<FileInfo> asnCsv, FileInfo? asnTsv, FileInfo? publicSuffixList)
    {
        var report = new List<string>();

        // Every input is checked before anything is rebuilt.
        var sources = asnCsv.Select(file => RequireFile(file).FullName).ToList();
        foreach (var file in new[] { asnTsv, publicSuffixList }.OfType<FileInfo>())
        {
            RequireFile(file);
        }

        Directory.CreateDirectory(data.IndexDirectory);
        string? converted = null;
        if (asnTsv is not null)
        {
            converted = Path.Combine(data.IndexDirectory, "iptoasn-converted.csv");
            var (kept, skipped) = ConvertTsv(RequireFile(asnTsv).FullName, converted);
            report.Add(string.Create(CultureInfo.InvariantCulture, $"converted {asnTsv.Name}: {kept} ranges ({skipped} unrouted or malformed lines skipped)"));
            sources.Add(converted);
        }

        if (sources.Count == 0)
        {
            sources.AddRange(data.AsnCsvFiles.Where(File.Exists));
            if (sources.Count == 0)
            {
                throw new EngineException(
                    $"the IP-to-ASN package is not installed in {data.PackagesDirectory}: run ./build.sh setup, or give --asn-csv/--asn-tsv", isUsageError: false);
            }
        }

        var temporary = data.AsnIndex + ".tmp";
        AsnIndexBuildResult built;
        try
        {
            built = AsnIndexBuilder.Build(sources, temporary);
            File.Move(temporary, data.AsnIndex, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
            if (converted is not null)
            {
                File.Delete(converted);
            }
        }

        var skippedNote = built.MalformedLines > 0
            ? string.Create(CultureInfo.InvariantCulture, $" ({built.MalformedLines} malformed lines skipped)")
            : "";
        report.Add(string.Create(CultureInfo.InvariantCulture,
            $"indexed {built.Ipv4Ranges} IPv4 and {built.Ipv6Ranges} IPv6 ranges, {built.Organizations} organisations into {data.AsnIndex}") + skippedNote);

        if (publicSuffixList is not null)
        {
            using (var reader = File.OpenText(RequireFile(publicSuffixList).FullName))
            {
                var list = PublicSuffixList.Parse(reader);
                if (list.RuleCount < 1000)
                {
                    throw new EngineException(
                        $"{publicSuffixList.FullName}: only {list.RuleCount} rules; not a full Public Suffix List", isUsageError: true);
                }

                report.Add(string.Create(CultureInfo.InvariantCulture, $"installed a Public Suffix List of {list.RuleCount} rules"));
            }

            AtomicFile.Copy(publicSuffixList.FullName, data.PublicSuffixOverride);
        }

        return report;
    }

    private static FileInfo RequireFile(FileInfo file) => new(InputFile.RequireRegular(file.FullName));

    /// <summary>iptoasn.com's TSV: range_start, range_end, AS_number, country_code, AS_description; AS 0 is "not routed".</summary>
    internal static (int Kept, int Skipped) ConvertTsv(string tsvPath, string csvPath)
    {
        int kept = 0, skipped = 0;
        using var writer = new StreamWriter(csvPath, false, new UTF8Encoding(false));
        foreach (var line in File.ReadLines(tsvPath))
        {
            var fields = line.Split('\t');
            if (fields.Length < 5 || !int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var asn) || asn == 0)
            {
                skipped++;
                continue;
            }

            var organization = fields[4].Replace("\"", "\"\"", StringComparison.Ordinal);
            writer.Write(fields[0]);
            writer.Write(',');
            writer.Write(fields[1]);
            writer.Write(',');
            writer.Write(asn.ToString(CultureInfo.InvariantCulture));
            writer.Write(",\"");
            writer.Write(organization);
            writer.WriteLine('"');
            kept++;
        }

        return (kept, skipped);
    }
}
