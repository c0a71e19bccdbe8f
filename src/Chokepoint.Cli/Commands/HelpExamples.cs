using System.CommandLine;

namespace Chokepoint.Cli.Commands;

/// <summary>The "Examples:" section of each command's <c>--help</c>, by the command's path under <c>chokepoint</c>.</summary>
internal static class HelpExamples
{
    private static readonly Dictionary<string, string[]> Examples = new(StringComparer.Ordinal)
    {
        [""] =
        [
            "chokepoint demo                                  # audit the built-in demo world, offline",
            "chokepoint audit example.org                     # who can take example.org offline",
            "chokepoint audit example.org --format json -o report.json",
            "chokepoint whatif example.org --drop cloudflare  # what fails if Cloudflare stops serving it",
            "chokepoint plan example.org                      # the steps that remove each single point of failure",
            "chokepoint audit --help                          # the options of one command",
        ],
        ["audit"] =
        [
            "chokepoint audit example.org",
            "chokepoint audit https://shop.example.com/cart   # example.com, entered at shop.example.com",
            "chokepoint audit example.org --format json -o report.json --save-observations obs.json",
            "chokepoint audit example.org --fail-on critical  # exit 1 on an avoidable critical chokepoint (CI)",
            "chokepoint audit example.org --har capture.har   # add what the browser loaded",
            "chokepoint audit example.org --quiet --timeout 60",
        ],
        ["scan"] =
        [
            "chokepoint scan -l sites.txt -o scan.jsonl       # resumable: run it again after a kill to go on",
            "chokepoint scan -l top-1m.csv --top 1000 --format csv -o scan.csv",
            "chokepoint scan -l sites.txt -o scan.jsonl --restart -c 32 --rate 20",
            "chokepoint scan --quiet < sites.txt > scan.jsonl  # the list on stdin, lines on stdout",
            "chokepoint scan -l sites.txt -o scan.jsonl --summary summary.md  # and who they all depend on",
        ],
        ["concentration"] =
        [
            "chokepoint concentration scan.jsonl              # which companies how many sites depend on",
            "chokepoint concentration scan.jsonl --format json -o summary.json",
            "chokepoint concentration scan.jsonl --format html -o summary.html",
            "chokepoint concentration - < reports.jsonl       # one report a line (demo or audit --format jsonl)",
        ],
        ["analyze"] =
        [
            "chokepoint analyze obs.json",
            "chokepoint analyze obs.json --format html -o report.html",
            "chokepoint analyze obs.json --fail-grade C       # exit 1 on a grade worse than C",
        ],
        ["whatif"] =
        [
            "chokepoint whatif obs.json --drop cloudflare",
            "chokepoint whatif example.org --drop amazon --drop google --format json",
            "chokepoint whatif obs.json --drop 'Amazon CloudFront' --format markdown -o whatif.md",
        ],
        ["plan"] =
        [
            "chokepoint plan obs.json",
            "chokepoint plan example.org --artifacts plan/   # also write the zone file, CAA and MX sets",
            "chokepoint plan obs.json --format markdown -o plan.md",
        ],
        ["identify"] =
        [
            "chokepoint identify ns ns-12.awsdns-01.org",
            "chokepoint identify header 'cf-ray: 8a1b2c3d4e5f-AMS'",
            "chokepoint identify registrar 146",
            "chokepoint identify issuer \"Let's Encrypt\"",
            "chokepoint identify ip 1.1.1.1 --format json",
        ],
        ["demo"] =
        [
            "chokepoint demo --list",
            "chokepoint demo onestack-demo.com",
            "chokepoint demo onestack-demo.com --format json  # one report object, as audit gives",
            "chokepoint demo --format jsonl > reports.jsonl   # one report a line, each as it is done",
            "chokepoint demo --format html -o demo.html",
        ],
        ["sim"] =
        [
            "chokepoint sim serve --profile profile.json",
            "chokepoint sim generate --sites 10000 --seed 7 -o world.yaml",
        ],
        ["sim serve"] =
        [
            "chokepoint sim serve --profile profile.json      # then: chokepoint audit SITE --network profile.json",
            "chokepoint sim serve world.yaml",
        ],
        ["sim generate"] = ["chokepoint sim generate --sites 10000 --seed 7 -o world.yaml"],
        ["data"] = ["chokepoint data status", "chokepoint data update --psl public_suffix_list.dat"],
        ["data status"] = ["chokepoint data status", "chokepoint data status --format json"],
        ["data update"] =
        [
            "chokepoint data update                           # rebuild the IP-to-ASN index from the installed package",
            "chokepoint data update --asn-tsv ip2asn-combined.tsv",
            "chokepoint data update --psl public_suffix_list.dat",
        ],
    };

    /// <summary>The path of <paramref name="command"/> under the root, e.g. <c>data update</c>; empty for the root.</summary>
    public static string PathOf(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var names = new List<string>();
        for (var current = command; current is not null and not RootCommand; current = current.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Insert(0, current.Name);
        }

        return string.Join(' ', names);
    }

    /// <summary>The examples of <paramref name="command"/>; none for a command not listed.</summary>
    public static IReadOnlyList<string> For(Command command) => Examples.GetValueOrDefault(PathOf(command), []);

    /// <summary>The paths of every command that has examples (for the test that every command has some).</summary>
    public static IEnumerable<string> Paths => Examples.Keys;
}
