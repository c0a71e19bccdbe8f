using System.Text.RegularExpressions;

namespace Chokepoint.Reporting.Tests;

/// <summary>Reads a terminal view back as running text: line breaks, table borders and runs of spaces become one space.</summary>
internal static class WrappedText
{
    public static string Flat(string text) => Regex.Replace(text, "[\\s│]+", " ").Trim();
}
