using System.Text.Json;
using Chokepoint.Model;
using Chokepoint.Reporting.Json;
using Json.Schema;

namespace Chokepoint.Reporting.Tests;

public sealed class ReportSchemaTests
{
    /// <summary>docs/report.schema.json, copied beside the test assembly by the project file.</summary>
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "report.schema.json"))));

    /// <summary>The published schema, loaded once: the schema registry accepts each $id only once.</summary>
    internal static JsonSchema LoadSchema() => Schema.Value;

    private static AuditReport Report(Classification classification) => new()
    {
        Domain = "a.example",
        Layers =
        [
            new LayerReport
            {
                Layer = Layer.Mail,
                Dependencies =
                [
                    new Dependency
                    {
                        Entity = new EntityRef("google", "Google LLC", "alphabet"),
                        Service = ServiceKind.Mail,
                        Classification = classification,
                        Evidence = [new Evidence("mx", "aspmx.l.google.com")],
                    },
                ],
            },
        ],
        Grade = "B",
    };

    [Fact]
    public void A_rendered_report_validates_against_the_published_schema()
    {
        using var document = JsonDocument.Parse(ReportJson.Render(Report(Classification.ThirdParty)));
        var result = LoadSchema().Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Values)));
    }

    [Fact]
    public void The_schema_rejects_an_undocumented_classification()
    {
        // The model cannot hold an undocumented word, so it is written into the JSON by hand.
        var json = ReportJson.Render(Report(Classification.ThirdParty)).Replace("\"third-party\"", "\"maybe\"", StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        var result = LoadSchema().Evaluate(document.RootElement);

        Assert.False(result.IsValid);
    }
}
