using Chokepoint.Model;

namespace Chokepoint.Reporting.Concentration;

/// <summary>The JSON document of a concentration summary (docs/concentration-format.md); property order is the document's.</summary>
internal sealed record ConcentrationJsonDocument(
    string Format,
    int Sites,
    int Duplicates,
    int Complete,
    int Failed,
    IReadOnlyList<HeadlineJson> Headlines,
    IReadOnlyList<LayerJson> Layers,
    IReadOnlyList<FunctionJson> Functions,
    IReadOnlyList<CompanyJson> Companies,
    IReadOnlyList<NameJson> Names);

/// <summary>A headline measure.</summary>
internal sealed record HeadlineJson(
    string Id,
    string Name,
    IReadOnlyList<Layer> Layers,
    int Dependent,
    int NotDependent,
    int Undetermined,
    long Decided,
    double? Share);

/// <summary>A layer's counts.</summary>
internal sealed record LayerJson(
    Layer Layer,
    int Observed,
    int Incomplete,
    int UsingThirdParty,
    double? UsingThirdPartyShare,
    int Critical,
    double? CriticalShare,
    long TotalUses,
    double Top3Share,
    double Hhi,
    bool HighlyConcentrated,
    IReadOnlyList<CountJson> Uses,
    IReadOnlyList<CountJson> CriticalOn);

/// <summary>A function's counts.</summary>
internal sealed record FunctionJson(
    string Id,
    string Name,
    int Observed,
    int Incomplete,
    int Critical,
    double? CriticalShare,
    long TotalSinglePoints,
    double Top3Share,
    double Hhi,
    bool HighlyConcentrated,
    IReadOnlyList<CountJson> CriticalOn);

/// <summary>One company across all sites.</summary>
internal sealed record CompanyJson(
    string Id,
    string Name,
    int Uses,
    int Breaks,
    int BreaksInherent,
    int BreaksIndirectOnly,
    double? Amplification,
    IReadOnlyList<CountJson> Functions,
    IReadOnlyList<Layer> Layers,
    IReadOnlyList<string> History);

/// <summary>A count per id, with its name and its share of the stated denominator (null when that is 0).</summary>
internal sealed record CountJson(string Id, string Name, int Count, double? Share);

/// <summary>A company id and its display name.</summary>
internal sealed record NameJson(string Id, string Name);
