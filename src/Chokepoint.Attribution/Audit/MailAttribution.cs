using System.Globalization;
using Chokepoint.Attribution.Catalog;
using Chokepoint.Observations.Mail;
using Chokepoint.Model;

namespace Chokepoint.Attribution.Audit;

/// <summary>
/// The mail layer: who receives mail (MX hosts), who may send as the domain (SPF includes) and who receives
/// DMARC reports. Receiving is redundant only when MX hosts belong to more than one company.
/// </summary>
public static class MailAttribution
{
    /// <summary>Builds the mail layer.</summary>
    public static LayerReport Attribute(AttributionContext context)
    {
        var builder = new DependencyBuilder();
        var notes = new List<string>();
        var mail = context.Observations.Mail;
        if (mail is not null)
        {
            if (mail.Mx.Any(IsNullMx))
            {
                notes.Add("null MX (RFC 7505): the domain declares that it accepts no mail");
            }

            var unknownExchangers = new List<(MxObservation Mx, string Operator, DependencyFacts Details)>();
            foreach (var mx in mail.Mx.Where(mx => !IsNullMx(mx)))
            {
                var details = new DependencyFacts { Exchangers = [new MailExchanger(mx.Host, mx.Preference)] };
                var known = context.Lookup.Find(SignalKind.Mx, mx.Host) ?? context.SuffixOperator(mx.Host);
                if (known is not null)
                {
                    builder.Add(known with { Service = ServiceKind.Mail }, Classification.ThirdParty, details);
                }
                else if (context.IsSiteOwned(mx.Host))
                {
                    var self = new EntityRef("self:" + context.SiteRegistrableDomain, $"{context.SiteRegistrableDomain} (self-hosted)", null);
                    builder.Add(self, self, ServiceKind.Mail, "own mail servers", Classification.Private, new Evidence("mx", mx.Host), details);
                }
                else
                {
                    unknownExchangers.Add((mx, context.OperatorDomainOf(mx.Host), details));
                }
            }

            // Exchangers of one unknown operator under several names (brand.net, brand.co.uk) are one company.
            var groups = OperatorGroups.Group(unknownExchangers.Select(u => (u.Operator, Traits(u.Mx, u.Operator))));
            foreach (var (mx, operatorDomain, details) in unknownExchangers)
            {
                var group = groups[operatorDomain];
                builder.Add(group.Entity, group.Entity, ServiceKind.Mail, group.Label, Classification.Unknown, new Evidence("mx", mx.Host), details);
                foreach (var evidence in group.Evidence)
                {
                    builder.Add(group.Entity, group.Entity, ServiceKind.Mail, group.Label, Classification.Unknown, evidence);
                }
            }

            foreach (var include in mail.SpfIncludes)
            {
                var sender = context.Lookup.Find(SignalKind.Spf, include);
                if (sender is not null)
                {
                    builder.Add(sender with { Service = ServiceKind.MailSending }, Classification.ThirdParty);
                }
                else if (!context.IsSiteOwned(include))
                {
                    var operatorDomain = context.RegistrableDomainOf(include) ?? include;
                    var unknown = EntityRef.Unknown(operatorDomain);
                    builder.Add(unknown, unknown, ServiceKind.MailSending, operatorDomain, Classification.Unknown, new Evidence("spf", include));
                }
            }

            foreach (var receiver in mail.DmarcReceivers.Where(receiver => !context.IsSiteOwned(receiver)))
            {
                var known = context.Lookup.Find(SignalKind.Mx, receiver) ?? context.Lookup.Find(SignalKind.Spf, receiver);
                var entity = known?.Entity ?? EntityRef.Unknown(context.RegistrableDomainOf(receiver) ?? receiver);
                builder.Add(entity, known?.Owner ?? entity, ServiceKind.DmarcReports, known?.ProviderName ?? receiver,
                    Classification.ThirdParty, new Evidence("dmarc-rua", receiver, known?.Evidence.Rule, known?.Evidence.Source));
            }
        }

        var unobserved = GapLayers.For(context.Observations, Layer.Mail);
        var dependencies = builder.Build(service => service == ServiceKind.Mail).Select(dependency =>
        {
            if (dependency.Service != ServiceKind.Mail)
            {
                return dependency;
            }

            // The exchangers must resolve for mail to arrive: the DNS of their zones is what the mail provider relies on.
            var exchangers = dependency.Facts?.Exchangers?.Select(exchanger => exchanger.Host) ?? [];
            var upstream = UpstreamAttribution.ZoneDns(context, exchangers, dependency.Entity, [], UpstreamReason.Mx, unobserved);

            // Any exchanger that resolves will do: the operators of all their zones are alternatives to one another.
            var operators = upstream.Select(d => (d.Owner ?? d.Entity).Id).Distinct(StringComparer.Ordinal).Count();
            return dependency with { DependsOn = operators > 1 ? [.. upstream.Select(d => d with { Redundant = true })] : upstream };
        }).ToList();

        return new LayerReport
        {
            Layer = Layer.Mail,
            Dependencies = dependencies,
            Notes = notes,
            Unobserved = unobserved,
        };
    }

    /// <summary>What an unknown exchanger's operator may share with another: its brand label, addresses and networks.</summary>
    private static IEnumerable<OperatorTrait> Traits(MxObservation mx, string operatorDomain)
    {
        if (OperatorGroups.BrandOf(operatorDomain) is { } brand)
        {
            yield return brand;
        }

        foreach (var address in mx.Addresses)
        {
            yield return new OperatorTrait(OperatorGroups.SameAddress, address.Ip.ToLowerInvariant());
            if (address.Asn is { } asn)
            {
                yield return new OperatorTrait(OperatorGroups.SameNetwork, "AS" + asn.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>An MX whose exchange is the root ("."): RFC 7505's "no mail accepted here".</summary>
    /// <seealso href="https://www.rfc-editor.org/rfc/rfc7505">RFC 7505: A "Null MX" No Service Resource Record</seealso>
    private static bool IsNullMx(MxObservation mx) => mx.Host.Trim().TrimEnd('.').Length == 0;
}
