using System.Text.Json;
using Chokepoint.Analysis.FaultTree;
using Chokepoint.Analysis.Model;

namespace Chokepoint.Analysis.Tests.Model;

public sealed class SiteModelJsonTests
{
    [Fact]
    public void Model_round_trips_through_json_with_kind_discriminators()
    {
        var model = Sites.Typical();

        var json = JsonSerializer.Serialize(model);
        var back = JsonSerializer.Deserialize<SiteModel>(json)!;

        Assert.Contains("\"kind\":\"any\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"optional\"", json, StringComparison.Ordinal);
        Assert.Equal(ChokepointAnalysis.Analyze(model).GradeExplanation, ChokepointAnalysis.Analyze(back).GradeExplanation);
        Assert.Equal(
            model.Functions.SelectMany(f => f.Requirement.Suppliers()),
            back.Functions.SelectMany(f => f.Requirement.Suppliers()));
    }

    [Fact]
    public void Analysis_result_serializes()
    {
        var json = JsonSerializer.Serialize(ChokepointAnalysis.Analyze(Sites.Typical()));
        var back = JsonSerializer.Deserialize<AnalysisResult>(json)!;

        Assert.Equal(ExposureGrade.F, back.Grade);
        Assert.Equal(new CutSet(["paypal", "stripe"]), back.Pairs[0].Companies);
    }
}
