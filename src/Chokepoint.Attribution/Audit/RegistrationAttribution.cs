using System.Globalization;
using Chokepoint.Attribution.Catalog;
using Chokepoint.Model;

namespace Chokepoint.Attribution.Audit;

/// <summary>The registration layer: the TLD registry and the registrar, with status codes that matter.</summary>
public static class RegistrationAttribution
{
    /// <summary>Builds the registration layer.</summary>
    public static LayerReport Attribute(AttributionContext context)
    {
        var builder = new DependencyBuilder();
        var registration = context.Observations.Registration;
        var tld = registration?.Tld ?? context.Suffixes.GetPublicSuffix(context.Observations.Domain);

        var registry = context.Lookup.Find(SignalKind.Tld, tld);
        if (registry is not null)
        {
            builder.Add(registry, Classification.ThirdParty);
        }
        else
        {
            var unknown = EntityRef.Unknown($"registry of .{tld}");
            builder.Add(unknown, unknown, ServiceKind.Registry, null, Classification.ThirdParty, new Evidence("tld", tld));
        }

        if (registration is not null)
        {
            var details = new DependencyFacts
            {
                Registrar = new RegistrarFacts
                {
                    StatusCodes = [.. registration.Status],
                    TransferLocked = registration.Status.Count > 0 ? RegistrationStatus.IsTransferLocked(registration.Status) : null,
                    OnHold = RegistrationStatus.IsOnHold(registration.Status),
                    Expires = registration.Expires,
                    LastChanged = registration.LastChanged,
                    AbuseEmail = registration.RegistrarAbuseEmail,
                },
            };

            var registrar = registration.RegistrarIanaId is { } ianaId
                ? context.Lookup.Find(SignalKind.RegistrarIana, ianaId.ToString(CultureInfo.InvariantCulture))
                : null;
            registrar ??= registration.RegistrarName is { } name ? context.Lookup.Find(SignalKind.RegistrarName, name) : null;
            if (registrar is not null)
            {
                builder.Add(registrar, Classification.ThirdParty, details);
            }
            else if (registration.RegistrarName is not null || registration.RegistrarIanaId is not null)
            {
                var label = registration.RegistrarName ?? $"IANA registrar {registration.RegistrarIanaId}";
                var unknown = EntityRef.Unknown(label);
                builder.Add(unknown, unknown, ServiceKind.Registrar, label, Classification.ThirdParty, new Evidence("registrar-name", label), details);
            }
        }

        return new LayerReport
        {
            Layer = Layer.Registration,
            Dependencies = builder.Build(_ => false),
            Unobserved = GapLayers.For(context.Observations, Layer.Registration),
        };
    }
}
