using Chokepoint.Analysis.Modeling;
using Chokepoint.Model;
using Chokepoint.Reporting.Markdown;

namespace Chokepoint.Reporting.Html;

/// <summary>
/// The dependency picture of a report, laid out in three columns: the site's functions on the left, the services
/// it uses in the middle, the owning companies on the right. A function is joined to every service it needs
/// (taken from the same AND/OR model the analysis uses, <see cref="SiteModelBuilder"/>), a service to the company
/// that owns it. Companies that are chokepoints of the report are marked as single points of failure.
/// The layout is deterministic: functions keep the report's order, services are grouped by layer in report order
/// (within a layer, by the mean row of the functions that need them), each company sits at the mean row of its
/// services (ties broken by report order), and every column is centred vertically. Names are never cut: a long
/// name wraps onto more lines (at most <see cref="TitleChars"/> characters each) and its box grows to hold them.
/// </summary>
/// <param name="Nodes">Every box: functions, then services, then companies, each in row order.</param>
/// <param name="Edges">Every line: function to service, then service to company.</param>
/// <param name="Width">Width of the picture, in SVG user units.</param>
/// <param name="Height">Height of the picture, in SVG user units.</param>
public sealed record DependencyGraph(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges, int Width, int Height)
{
    /// <summary>Width of a box.</summary>
    public const int NodeWidth = 270;

    /// <summary>Height of a box with one title line and one subtitle line (the smallest box).</summary>
    public const int NodeHeight = 44;

    /// <summary>Vertical room between two boxes of one column.</summary>
    public const int BoxGap = 14;

    /// <summary>Characters of a title line (13px bold; a wide character is about 7.5 units, the box has 250 inside).</summary>
    public const int TitleChars = 31;

    /// <summary>Characters of a subtitle line (11px).</summary>
    public const int SubtitleChars = 40;

    /// <summary>Height of one more title line.</summary>
    public const int TitleLineHeight = 16;

    /// <summary>Height of one more subtitle line.</summary>
    public const int SubtitleLineHeight = 14;

    /// <summary>Horizontal room for the lines between two columns.</summary>
    public const int ColumnGap = 130;

    /// <summary>Margin around the picture.</summary>
    public const int Margin = 20;

    /// <summary>Room above the first row for the column headings and the legend.</summary>
    public const int Top = 96;

    /// <summary>Lays out the picture of one report.</summary>
    public static DependencyGraph Build(AuditReport report)
    {
        var chokepoints = new Dictionary<string, ChokepointReport>(StringComparer.Ordinal);
        foreach (var chokepoint in report.Chokepoints)
        {
            chokepoints.TryAdd(chokepoint.Entity.Id, chokepoint);
        }

        var services = CollectServices(report);
        var companies = CollectCompanies(report, services);
        var needs = FunctionNeeds(report, services);

        var functionEdges = new List<GraphEdge>();
        var functionRows = new Dictionary<string, int>(StringComparer.Ordinal);
        var functions = report.Functions.DistinctBy(function => function.Id, StringComparer.Ordinal).ToList();
        for (var row = 0; row < functions.Count; row++)
        {
            var function = functions[row];
            functionRows[FunctionId(function.Id)] = row;
            foreach (var service in needs[function.Id])
            {
                // Red only where the line explains the single point: a redundant service is not why its owner is one.
                var critical = !service.Redundant && function.SinglePoints.Contains(service.CompanyId, StringComparer.Ordinal);
                functionEdges.Add(new GraphEdge(FunctionId(function.Id), service.Id, critical));
            }
        }

        var orderedServices = services
            .Select((service, index) => (service, index, rank: Barycentre(functionEdges.Where(e => e.To == service.Id).Select(e => functionRows[e.From]))))
            .OrderBy(item => item.service.LayerRank)
            .ThenBy(item => item.rank)
            .ThenBy(item => item.index)
            .Select(item => item.service)
            .ToList();
        var serviceRows = orderedServices.Select((service, row) => (service.Id, row)).ToDictionary(item => item.Id, item => item.row, StringComparer.Ordinal);

        var companyEdges = orderedServices
            .Select(service => new GraphEdge(
                service.Id,
                CompanyId(service.CompanyId),
                chokepoints.TryGetValue(service.CompanyId, out var chokepoint) && !service.Redundant
                    && (functionEdges.Any(edge => edge.To == service.Id && edge.Critical) || chokepoint.Services.Contains(service.Kind, StringComparer.Ordinal))))
            .ToList();
        var orderedCompanies = companies
            .Select((company, index) => (company, index, rank: Barycentre(companyEdges.Where(e => e.To == CompanyId(company.Id)).Select(e => serviceRows[e.From]))))
            .OrderBy(item => item.rank)
            .ThenBy(item => item.index)
            .Select(item => item.company)
            .ToList();

        var nodes = new List<GraphNode>();
        nodes.AddRange(functions.Select(function => Node(FunctionId(function.Id), GraphColumn.Function, function.Name, FunctionSubtitle(function), false)));
        nodes.AddRange(orderedServices.Select(service => Node(service.Id, GraphColumn.Service, service.Title, service.Subtitle, false)));
        nodes.AddRange(orderedCompanies.Select(company =>
        {
            var single = chokepoints.TryGetValue(company.Id, out var chokepoint);
            var subtitle = single ? $"single point of failure · {chokepoint!.Severity.ToWord()}" : "not a single point of failure";
            return Node(CompanyId(company.Id), GraphColumn.Company, company.Name, subtitle, single);
        }));

        // Each column is a stack of boxes; the tallest sets the picture's height and the others are centred on it.
        var columnHeights = nodes.GroupBy(node => node.Column).ToDictionary(group => group.Key, group => group.Sum(node => node.Height + BoxGap) - BoxGap);
        var tallest = Math.Max(NodeHeight, columnHeights.Values.DefaultIfEmpty(0).Max());
        var placed = new List<GraphNode>();
        foreach (var column in nodes.GroupBy(node => node.Column))
        {
            var y = Top + ((tallest - columnHeights[column.Key]) / 2);
            foreach (var node in column)
            {
                placed.Add(node with { X = ColumnX((int)column.Key), Y = y });
                y += node.Height + BoxGap;
            }
        }

        var width = (2 * Margin) + (3 * NodeWidth) + (2 * ColumnGap);
        var height = Top + tallest + Margin;
        return new DependencyGraph(placed, [.. functionEdges, .. companyEdges], width, height);
    }

    /// <summary>Height of a box with this many title and subtitle lines.</summary>
    public static int BoxHeight(int titleLines, int subtitleLines) =>
        NodeHeight + (Math.Max(0, titleLines - 1) * TitleLineHeight) + (Math.Max(0, subtitleLines - 1) * SubtitleLineHeight);

    private static GraphNode Node(string id, GraphColumn column, string title, string subtitle, bool single) =>
        new(id, column, title, subtitle, single, 0, 0, HtmlText.Wrap(title, TitleChars), HtmlText.Wrap(subtitle, SubtitleChars));

    /// <summary>The node with this id, or null.</summary>
    public GraphNode? Find(string id) => Nodes.FirstOrDefault(node => node.Id == id);

    private static string FunctionId(string id) => "function:" + id;

    private static string CompanyId(string id) => "company:" + id;

    private static int ColumnX(int column) => Margin + (column * (NodeWidth + ColumnGap));

    private static double Barycentre(IEnumerable<int> rows)
    {
        var list = rows.ToList();
        return list.Count == 0 ? double.MaxValue : list.Average();
    }

    private static string FunctionSubtitle(FunctionReport function)
    {
        var singles = function.SinglePoints.Count;
        var detail = singles switch
        {
            0 when function.Pairs.Count > 0 => "no single point; pairs can break it",
            0 => "no single point of failure",
            1 => "1 single point of failure",
            _ => $"{singles} single points of failure",
        };
        return $"{function.Importance.ToWord()} · {detail}";
    }

    private static List<ServiceNode> CollectServices(AuditReport report)
    {
        var services = new List<ServiceNode>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var layer in report.Layers)
        {
            var layerRank = (int)layer.Layer;
            foreach (var dependency in layer.Dependencies)
            {
                var owner = ReportLabels.Owner(dependency);
                var provider = dependency.Provider ?? dependency.Entity.Name;
                var id = ServiceKey(dependency.Service.ToWord(), owner.Id, provider);
                if (!seen.Add(id))
                {
                    continue;
                }

                var subtitle = $"{dependency.Service.ToWord()} · {ReportLabels.LayerTitle(layer.Layer)}" + (dependency.Redundant ? " · redundant" : "");
                services.Add(new ServiceNode(id, dependency.Service.ToWord(), owner.Id, owner.Name, provider, subtitle, dependency.Redundant, layerRank));
            }
        }

        // What the providers themselves rely on (their DNS, the network behind an OCSP responder), placed with the
        // layer of its service; a part the provider runs itself is not a separate dependency of the site.
        foreach (var layer in report.Layers)
        {
            foreach (var dependency in layer.Dependencies)
            {
                var via = ReportLabels.Owner(dependency);
                foreach (var upstream in dependency.DependsOn.Where(u => ReportLabels.Owner(u).Id != via.Id))
                {
                    var owner = ReportLabels.Owner(upstream);
                    var detail = SiteModelBuilder.DetailOf(upstream, indirect: true);
                    var id = ServiceKey(upstream.Service.ToWord(), owner.Id, detail);
                    if (!seen.Add(id))
                    {
                        continue;
                    }

                    var layerRank = (int)(upstream.Service switch { ServiceKind.Dns => Layer.Dns, ServiceKind.Cdn => Layer.Cdn, _ => Layer.Hosting });
                    var subtitle = $"{upstream.Service.ToWord()} behind {dependency.Provider ?? dependency.Entity.Name}" + (upstream.Redundant ? " · redundant" : "");
                    services.Add(new ServiceNode(id, upstream.Service.ToWord(), owner.Id, owner.Name, detail, subtitle, upstream.Redundant, layerRank));
                }
            }
        }

        return services;
    }

    private static List<EntityRef> CollectCompanies(AuditReport report, List<ServiceNode> services)
    {
        var companies = new List<EntityRef>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var service in services)
        {
            if (seen.Add(service.CompanyId))
            {
                companies.Add(new EntityRef(service.CompanyId, service.CompanyName, null));
            }
        }

        foreach (var chokepoint in report.Chokepoints)
        {
            if (seen.Add(chokepoint.Entity.Id))
            {
                companies.Add(chokepoint.Entity);
            }
        }

        return companies;
    }

    /// <summary>
    /// The services each function needs: the suppliers of the analysis model; for a function the model does not
    /// know, the services of the companies the report says can break it.
    /// </summary>
    private static Dictionary<string, List<ServiceNode>> FunctionNeeds(AuditReport report, List<ServiceNode> services)
    {
        var byId = services.ToDictionary(service => service.Id, StringComparer.Ordinal);
        var model = SiteModelBuilder.Build(report).Functions
            .GroupBy(function => function.Id, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        var needs = new Dictionary<string, List<ServiceNode>>(StringComparer.Ordinal);
        foreach (var function in report.Functions)
        {
            var list = new List<ServiceNode>();
            if (model.TryGetValue(function.Id, out var modelled))
            {
                foreach (var supplier in modelled.Requirement.Suppliers())
                {
                    if (byId.TryGetValue(ServiceKey(supplier.Service, supplier.CompanyId, supplier.Detail), out var service) && !list.Contains(service))
                    {
                        list.Add(service);
                    }
                }
            }

            if (list.Count == 0)
            {
                var breakers = function.SinglePoints.Concat(function.Pairs.SelectMany(pair => pair)).ToHashSet(StringComparer.Ordinal);
                list.AddRange(services.Where(service => breakers.Contains(service.CompanyId)));
            }

            needs.TryAdd(function.Id, list);
        }

        return needs;
    }

    private static string ServiceKey(string service, string companyId, string provider) => $"service:{service}|{companyId}|{provider}";

    private sealed record ServiceNode(string Id, string Kind, string CompanyId, string CompanyName, string Title, string Subtitle, bool Redundant, int LayerRank);
}
