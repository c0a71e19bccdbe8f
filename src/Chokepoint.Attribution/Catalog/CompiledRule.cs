namespace Chokepoint.Attribution.Catalog;

/// <summary>A signal of a provider, prepared for matching.</summary>
internal sealed class CompiledRule
{
    private readonly HostPattern? _host;
    private readonly SignalValue _pattern;

    private CompiledRule(Provider provider, Signal signal, SignalValue pattern, HostPattern? host, int order)
    {
        Provider = provider;
        Signal = signal;
        _pattern = pattern;
        _host = host;
        Order = order;
    }

    public Provider Provider { get; }

    public Signal Signal { get; }

    /// <summary>Position in load order; breaks ties between equally specific rules.</summary>
    public int Order { get; }

    /// <summary>The pattern in normal form, for duplicate detection.</summary>
    public string Key => $"{SignalKinds.ToWord(Signal.Kind)}:{_pattern.Text}";

    public static CompiledRule? Create(Provider provider, Signal signal, int order, out string error)
    {
        var kind = signal.Kind;
        var pattern = SignalValue.Normalize(kind, signal.Pattern, out error);
        if (pattern is null)
        {
            return null;
        }

        HostPattern? host = null;
        if (SignalKinds.IsHostKind(kind) || kind == SignalKind.AffiliateParam)
        {
            var hostText = kind == SignalKind.AffiliateParam ? pattern.Text[..pattern.Text.IndexOf('?', StringComparison.Ordinal)] : pattern.Text;
            host = HostPattern.TryParse(hostText, out error);
            if (host is null)
            {
                return null;
            }

            if (kind == SignalKind.AffiliateParam && pattern.Parameters.Length != 1)
            {
                error = $"the affiliate pattern '{signal.Pattern}' must name exactly one parameter";
                return null;
            }
        }

        return new CompiledRule(provider, signal, pattern, host, order);
    }

    /// <summary>The specificity of the match (higher is more specific), or null when the rule does not match.</summary>
    public int? Score(SignalValue value)
    {
        switch (Signal.Kind)
        {
            case SignalKind.Header:
                if (!string.Equals(_pattern.HeaderName, value.HeaderName, StringComparison.Ordinal))
                {
                    return null;
                }

                if (_pattern.HeaderValue is null)
                {
                    return 1;
                }

                return value.HeaderValue is { } observed && observed.StartsWith(_pattern.HeaderValue, StringComparison.Ordinal)
                    ? 2 + _pattern.HeaderValue.Length
                    : null;
            case SignalKind.AffiliateParam:
                return _host!.Matches(value.HostLabels) && value.Parameters.Contains(_pattern.Parameters[0], StringComparer.Ordinal)
                    ? _host.Specificity
                    : null;
            default:
                if (_host is not null)
                {
                    return _host.Matches(value.HostLabels) ? _host.Specificity : null;
                }

                return string.Equals(_pattern.Text, value.Text, StringComparison.Ordinal) ? 1 : null;
        }
    }
}
