using System.Globalization;

namespace Chokepoint.Collection.Page;

/// <summary>Formats byte counts for reasons a user reads ("5 MB", "512 KB", "300 bytes").</summary>
internal static class ByteSize
{
    public static string Format(long bytes)
    {
        const long Kilo = 1024;
        const long Mega = Kilo * 1024;
        const long Giga = Mega * 1024;
        return bytes switch
        {
            >= Giga => Number(bytes / (double)Giga) + " GB",
            >= Mega => Number(bytes / (double)Mega) + " MB",
            >= Kilo => Number(bytes / (double)Kilo) + " KB",
            1 => "1 byte",
            _ => bytes.ToString(CultureInfo.InvariantCulture) + " bytes",
        };
    }

    private static string Number(double value) =>
        value >= 10 || Math.Abs(value - Math.Round(value)) < 0.05
            ? Math.Round(value).ToString(CultureInfo.InvariantCulture)
            : value.ToString("0.#", CultureInfo.InvariantCulture);
}
