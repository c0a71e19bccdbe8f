namespace Chokepoint.Attribution.Audit;

/// <summary>
/// Something an unknown operator was seen with that another operator may share: the rule that would group them and
/// the value compared, e.g. <c>(brand-label, "brand")</c> or <c>(address, "192.0.2.1")</c>.
/// </summary>
/// <param name="Rule">One of the <see cref="OperatorGroups"/> rule names.</param>
/// <param name="Value">The value compared, lowercase.</param>
public readonly record struct OperatorTrait(string Rule, string Value);
