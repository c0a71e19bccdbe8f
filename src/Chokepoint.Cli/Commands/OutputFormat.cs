using System.CommandLine;

namespace Chokepoint.Cli.Commands;

/// <summary>The <c>--format</c> option, shared so every command spells it the same way.</summary>
internal static class OutputFormat
{
    public static Option<string> Create(params string[] formats)
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = "Output format: " + string.Join(", ", formats),
            DefaultValueFactory = _ => formats[0],
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }
}
