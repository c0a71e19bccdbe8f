using Chokepoint.Model;
using Chokepoint.Reporting.Table;
using CsCheck;

namespace Chokepoint.Cli.Tests.TerminalView;

/// <summary>
/// The demo reports with hostile strings in every name, service, evidence value, banner and history line, drawn at
/// random widths, with and without colour: no line is ever wider than the terminal and no control character from the
/// data reaches it (the only escape sequences are the view's own colours).
/// </summary>
public sealed class TerminalViewProperties(DemoAudits demo) : IClassFixture<DemoAudits>
{
    private static readonly Gen<string> Hostile = Gen.OneOf(
        Gen.String[Gen.Char["ab \u001b[]31m;\u0007\r\n\t\u009b\u202e\u2066\u200f\u2028\u0000\u007f界ё-./:"], 0, 40],
        Gen.Char['a', 'z'].Array[60, 200].Select(chars => new string(chars)),
        Gen.OneOf(Gen.Const("\u001b]0;owned\u0007"), Gen.Const("\u001b[2J\u001b[H"), Gen.Const("[red]markup[/]"), Gen.Const("\u202eevil"), Gen.Const("名前がとても長い会社名前がとても長い会社名前がとても長い会社")));

    [Fact]
    public void Hostile_values_never_widen_a_line_nor_reach_the_terminal_raw()
    {
        var gen = Gen.Select(Gen.Int[0, DemoAudits.Sites.Length - 1], Hostile.Array[12], Gen.Int[20, 200], Gen.Bool);
        gen.Sample((site, values, width, color) =>
        {
            var (_, report, plan) = demo[DemoAudits.Sites[site]];
            var hostile = WithValues(report, values);
            var text = TableRenderer.Render(hostile, plan, new TerminalOptions { Width = width, Color = color });
            var limit = Math.Max(80, width);
            foreach (var line in text.Split('\n'))
            {
                if (Measure.Width(line) > limit)
                {
                    return false;
                }

                var bare = System.Text.RegularExpressions.Regex.Replace(line, "\u001b\\[[0-9;]*m", string.Empty);
                if (bare.Any(c => c != '\t' && TerminalEscaping.IsUnsafe(c)) || (!color && line.Length != bare.Length))
                {
                    return false;
                }
            }

            return true;
        }, iter: Fuzz.Iterations(60));
    }

    private static AuditReport WithValues(AuditReport report, string[] v) => report with
    {
        Domain = v[0],
        Network = v[1],
        GradeExplanation = v[2],
        Status = [.. report.Status.Select(s => s with { Text = v[3] }), new SiteState { Kind = SiteStateKind.OnHold, Text = v[3] }],
        Layers = [.. report.Layers.Select(layer => layer with
        {
            Dependencies = [.. layer.Dependencies.Select(d => WithValues(d, v))],
            Notes = [.. layer.Notes, v[4]],
            Unobserved = [.. layer.Unobserved, new UnobservedItem(v[5], v[6])],
        })],
        Chokepoints = [.. report.Chokepoints.Select(c => c with
        {
            Entity = c.Entity with { Name = v[7] },
            History = [.. c.History, v[8], "  " + v[9]],
            Indirect = [v[10]],
        })],
        Functions = [.. report.Functions.Select(f => f with { Name = v[11], Coverage = Coverage.PartlyObserved, Gaps = [v[5]] })],
    };

    private static Dependency WithValues(Dependency dependency, string[] v) => dependency with
    {
        Entity = dependency.Entity with { Name = v[7] },
        Owner = dependency.Owner is { } owner ? owner with { Name = v[8] } : null,
        Provider = v[9],
        Evidence = [.. dependency.Evidence, new Evidence(v[10], v[11])],
        DependsOn = [.. dependency.DependsOn.Select(d => WithValues(d, v))],
    };
}
