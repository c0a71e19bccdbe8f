using Chokepoint.Collection.Asn;
using Chokepoint.Observations;
using Chokepoint.Observations.Mail;
using DnsClient;
using DnsClient.Protocol;

namespace Chokepoint.Collection.Dns;

/// <summary>
/// Collects who receives mail for a domain (MX and each exchanger's addresses), who may send as it (SPF at the apex)
/// and who receives its DMARC reports (_dmarc). MX, SPF and DMARC are asked concurrently.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc5321#section-5.1">RFC 5321 section 5.1: locating the target host</seealso>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc7208">RFC 7208: SPF</seealso>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc7489">RFC 7489: DMARC</seealso>
public sealed class MailCollector(DnsLookup dns, AddressAnnotator annotator)
{
    /// <summary>Collects; failures of each part become <see cref="GapKeys.MailMx"/>, <see cref="GapKeys.MailSpf"/> or <see cref="GapKeys.MailDmarc"/> gaps.</summary>
    public async Task<Collected<MailObservation>> CollectAsync(string domain, CancellationToken cancellationToken)
    {
        domain = DnsPresentation.Host(domain);
        var mxTask = dns.QueryAsync(domain, QueryType.MX, cancellationToken);
        var txtTask = dns.QueryAsync(domain, QueryType.TXT, cancellationToken);
        var dmarcTask = dns.QueryAsync("_dmarc." + domain, QueryType.TXT, cancellationToken);
        var gaps = new List<Unobserved>();

        var mxAnswer = await mxTask;
        var exchangers = new List<MxObservation>();
        int? mxTtl = null;
        if (mxAnswer.Succeeded)
        {
            var records = mxAnswer.Response!.Answers.MxRecords()
                .Where(r => DnsPresentation.SameName(r.DomainName.Value, domain))
                .OrderBy(r => r.Preference)
                .ThenBy(r => r.Exchange.Value, StringComparer.OrdinalIgnoreCase)
                .ToList();
            mxTtl = records.Count == 0 ? null : records.Min(r => r.InitialTimeToLive);
            exchangers = [.. await Task.WhenAll(records.Select(r => DescribeExchangerAsync(r, gaps, cancellationToken)))];
        }
        else
        {
            gaps.Add(mxAnswer.GapFor(GapKeys.MailMx, domain));
        }

        string? spf = null;
        var txt = await txtTask;
        if (txt.Succeeded)
        {
            spf = Texts(txt, domain).FirstOrDefault(SpfRecord.IsSpf);
        }
        else
        {
            gaps.Add(txt.GapFor(GapKeys.MailSpf, domain));
        }

        string? dmarc = null;
        var dmarcAnswer = await dmarcTask;
        if (dmarcAnswer.Succeeded)
        {
            dmarc = Texts(dmarcAnswer, "_dmarc." + domain).FirstOrDefault(DmarcRecord.IsDmarc);
        }
        else
        {
            gaps.Add(dmarcAnswer.GapFor(GapKeys.MailDmarc, "_dmarc." + domain));
        }

        var observation = new MailObservation
        {
            Mx = exchangers,
            MxTtl = mxTtl,
            Spf = spf,
            SpfIncludes = spf is null ? [] : SpfRecord.Includes(spf),
            Dmarc = dmarc,
            DmarcReceivers = dmarc is null ? [] : DmarcRecord.ReportReceivers(dmarc),
            Provenance = new Provenance(mxAnswer.Source, mxAnswer.At),
        };
        return new Collected<MailObservation> { Value = observation, Unobserved = gaps };
    }

    private async Task<MxObservation> DescribeExchangerAsync(MxRecord record, List<Unobserved> gaps, CancellationToken cancellationToken)
    {
        var host = DnsPresentation.Host(record.Exchange.Value);
        var addresses = host.Length == 0 ? [] : await dns.ResolveAddressesAsync(host, cancellationToken);
        if (addresses.Count == 0 && host.Length > 0)
        {
            var aliases = await dns.AliasesAsync(host, cancellationToken);
            var gap = aliases.Problem is { } problem
                ? Unobserved.Of(GapKeys.MailExchanger, aliases.ProblemKind!.Value, problem, host)
                : Unobserved.Of(GapKeys.MailExchanger, GapKind.NoData, $"{host} has no address", host);
            lock (gaps)
            {
                gaps.Add(gap);
            }
        }

        return new MxObservation
        {
            Preference = record.Preference,
            Host = host.Length == 0 ? "." : host,
            Addresses = await annotator.DescribeAllAsync(addresses, cancellationToken),
        };
    }

    private static IEnumerable<string> Texts(DnsAnswer answer, string owner) =>
        answer.Response!.Answers.TxtRecords()
            .Where(t => DnsPresentation.SameName(t.DomainName.Value, owner))
            .Select(t => string.Concat(t.Text));
}
