namespace Chokepoint.Planning.Caa;

/// <summary>The findings of <see cref="CaaValidator.Validate"/>.</summary>
/// <param name="Problems">Errors and warnings, in record order.</param>
public sealed record CaaValidationResult(IReadOnlyList<CaaProblem> Problems)
{
    /// <summary>True when there is no error (warnings allowed).</summary>
    public bool IsValid => Problems.All(p => p.Severity != CaaProblemSeverity.Error);
}
