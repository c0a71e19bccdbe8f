using Chokepoint.Analysis.Recovery;
using Chokepoint.Analysis.Scenarios;
using Chokepoint.Model;
using Chokepoint.Reporting.WhatIf;

namespace Chokepoint.Reporting.Tests.WhatIf;

public sealed class WhatIfMarkdownTests
{
    private static WhatIfReport Report(string companyName, string functionName, string path)
    {
        var result = new WhatIfResult(
            "example.org",
            ["acme"],
            [
                new FunctionOutcome("name-resolves", functionName, Importance.Critical, OutcomeKind.Fails, [path]),
                new FunctionOutcome("mail-flows", "Mail flows", Importance.High, OutcomeKind.Unaffected, []),
            ])
        {
            Dropped = [new DroppedCompany("acme", companyName, SupplierStanding.InFunctions, ["dns"])],
        };
        var time = new TimeToRecover("acme", "name-resolves", TimeSpan.FromHours(1), TimeSpan.FromDays(2), false, [], ["the parent TTL is 2 days"]);
        return new WhatIfReport(
            result,
            [new FunctionRecovery("name-resolves", ["acme"], time.Low, time.High, false, ["r1"])],
            [new WhatIfRecovery("r1", "acme", "dns", ["name-resolves"], time)]);
    }

    [Fact]
    public void A_failing_function_is_a_table_row_and_its_replacement_is_described_once()
    {
        var markdown = WhatIfMarkdown.Render(Report("Acme DNS", "The name resolves", "needs Acme DNS"));

        Assert.StartsWith("# What if Acme DNS stopped serving example.org?", markdown, StringComparison.Ordinal);
        Assert.Contains("| **fails** | The name resolves | needs Acme DNS | ", markdown, StringComparison.Ordinal);
        Assert.Contains("Unaffected: Mail flows.", markdown, StringComparison.Ordinal);
        Assert.Single(markdown.Split('\n'), line => line.StartsWith("### r1: replace Acme DNS's dns", StringComparison.Ordinal));
        Assert.Contains("- Assumed: the parent TTL is 2 days", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_from_the_report_cannot_become_links_markup_or_new_columns()
    {
        var markdown = WhatIfMarkdown.Render(Report("[Evil](https://evil.example)", "a | b <script>", "*x*\nnext"));

        Assert.DoesNotContain("[Evil](https://evil.example)", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", markdown, StringComparison.Ordinal);
        Assert.Contains("a \\| b &lt;script&gt;", markdown, StringComparison.Ordinal);
        var row = Assert.Single(markdown.Split('\n'), line => line.StartsWith("| **fails**", StringComparison.Ordinal));
        Assert.Equal(4, row.Split(" | ").Length);
    }
}
