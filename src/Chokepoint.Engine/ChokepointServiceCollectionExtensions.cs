using Chokepoint.Engine;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the engine for hosts that use Microsoft.Extensions.DependencyInjection.</summary>
public static class ChokepointServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ChokepointEngine"/> as a singleton built from <see cref="EngineSettings"/>, which are validated
    /// at start (<see cref="EngineSettingsValidator"/>, <c>ValidateOnStart</c>): a bad setting fails when the host
    /// starts or the engine is first resolved, with every problem named, never mid-audit.
    /// </summary>
    public static IServiceCollection AddChokepoint(this IServiceCollection services, Action<EngineSettings>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<EngineSettings>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EngineSettings>, EngineSettingsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ChokepointEngine>(provider => ChokepointEngine.Create(
            provider.GetRequiredService<IOptions<EngineSettings>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILoggerFactory>()));
        return services;
    }
}
