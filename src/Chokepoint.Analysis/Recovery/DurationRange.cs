using System.Globalization;

namespace Chokepoint.Analysis.Recovery;

/// <summary>A duration known only as a range.</summary>
/// <param name="Low">Shortest plausible duration.</param>
/// <param name="High">Longest plausible duration.</param>
public readonly record struct DurationRange(TimeSpan Low, TimeSpan High)
{
    /// <summary>A range from minutes.</summary>
    public static DurationRange Minutes(double low, double high) => new(TimeSpan.FromMinutes(low), TimeSpan.FromMinutes(high));

    /// <summary>A range from hours.</summary>
    public static DurationRange Hours(double low, double high) => new(TimeSpan.FromHours(low), TimeSpan.FromHours(high));

    /// <summary>A range from days.</summary>
    public static DurationRange Days(double low, double high) => new(TimeSpan.FromDays(low), TimeSpan.FromDays(high));

    /// <summary>"up to" a duration: from zero to it.</summary>
    public static DurationRange UpTo(TimeSpan high) => new(TimeSpan.Zero, high);

    /// <summary>The sum of two ranges (steps done one after another).</summary>
    public static DurationRange operator +(DurationRange left, DurationRange right) => new(left.Low + right.Low, left.High + right.High);

    /// <summary>The sum of two ranges (steps done one after another).</summary>
    public static DurationRange Add(DurationRange left, DurationRange right) => left + right;

    /// <summary>Text such as "1-4 h", "5-30 min", "up to 2 days".</summary>
    public override string ToString()
    {
        if (Low == TimeSpan.Zero && High > TimeSpan.Zero)
        {
            return "up to " + Format(High);
        }

        if (Low == High)
        {
            return Format(High);
        }

        // Both ends in the high end's unit when the low end is at least one of that unit ("1-4 h"), else each in its own.
        var unit = Unit(High);
        return Value(Low, unit) >= 1
            ? $"{Number(Low, unit)}-{Number(High, unit)} {unit}"
            : $"{Format(Low)} - {Format(High)}";
    }

    /// <summary>Formats one duration in the largest sensible unit: minutes under 2 hours, hours under 2 days, else days.</summary>
    public static string Format(TimeSpan value)
    {
        var unit = Unit(value);
        return $"{Number(value, unit)} {unit}";
    }

    private static string Unit(TimeSpan value) =>
        value < TimeSpan.FromHours(2) ? "min" : value < TimeSpan.FromDays(2) ? "h" : "days";

    private static double Value(TimeSpan value, string unit) => unit switch
    {
        "min" => value.TotalMinutes,
        "h" => value.TotalHours,
        _ => value.TotalDays,
    };

    private static string Number(TimeSpan value, string unit)
    {
        var number = Value(value, unit);
        return Math.Round(number, number < 10 ? 1 : 0).ToString("0.#", CultureInfo.InvariantCulture);
    }
}
