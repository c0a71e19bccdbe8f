using Chokepoint.Planning.Caa;
using Chokepoint.Planning.Zones;
using Chokepoint.Testing;
using CsCheck;

namespace Chokepoint.Planning.Tests.Zones;

/// <summary>
/// Property tests (CsCheck, 300 iterations, <c>CHOKEPOINT_FUZZ_ITERATIONS</c> for a long run): valid zones and CAA values written then parsed
/// back are unchanged; hostile strings anywhere never add a directive or a record.
/// </summary>
public sealed class ZoneFilePropertyTests
{
    private const string LabelChars = "abcdefghijklmnopqrstuvwxyz0123456789-_";

    private static readonly Gen<string> Label = Gen.Int[1, 12].SelectMany(n => Gen.Char[LabelChars].Array[n]).Select(chars => new string(chars));

    private static readonly Gen<string> NameUnderOrigin = Gen.Int[0, 3].SelectMany(n => Label.Array[n]).Select(labels => string.Concat(labels.Select(l => l + ".")) + "example.org");

    private static readonly Gen<string> ForeignName = Label.Array[1, 3].Select(labels => string.Join('.', labels) + ".net");

    /// <summary>Strings built to break out: line breaks, quotes, parentheses, semicolons, directives, any character.</summary>
    private static readonly Gen<string> Hostile = Gen.OneOf(
        Gen.String[0, 40],
        Gen.Char["\n\r\"();$@\\ \t\u2028\u2029\u0085\u202E\0ab.é"].Array[0, 30].Select(chars => new string(chars)),
        Gen.OneOf("\n$ORIGIN evil.example.", "x\r\n@ 60 IN A 203.0.113.1", "\"; $INCLUDE /etc/passwd", "a ( b", "\\", "\u2028$TTL 1"));

    private static readonly Gen<string> IssuerDomain = Label.Array[1, 3].Select(labels => string.Join('.', labels.Select(l => l.Trim('-', '_').Replace('_', 'x'))).Replace("..", ".x.", StringComparison.Ordinal))
        .Where(d => d.Length > 0 && d.Split('.').All(l => l.Length > 0 && char.IsAsciiLetterOrDigit(l[0]) && char.IsAsciiLetterOrDigit(l[^1])));

    private static readonly Gen<ZoneRecord> ValidRecord = Gen.OneOf(
        Gen.Select(NameUnderOrigin, Gen.UInt[0, 86400], Gen.Byte, Gen.Byte, (n, ttl, a, b) => ZoneRecord.A(n, ttl, $"192.0.{a}.{b}")),
        Gen.Select(NameUnderOrigin, Gen.UInt[0, 86400], ForeignName, (n, ttl, t) => ZoneRecord.Cname(n, ttl, t)),
        Gen.Select(NameUnderOrigin, Gen.UInt[0, 86400], Gen.UShort, ForeignName, (n, ttl, p, x) => ZoneRecord.Mx(n, ttl, p, x)),
        Gen.Select(NameUnderOrigin, Gen.UInt[0, 86400], Gen.String[0, 600], (n, ttl, text) => ZoneRecord.Txt(n, ttl, text)),
        Gen.Select(NameUnderOrigin, Gen.UInt[0, 86400], IssuerDomain, (n, ttl, issuer) => ZoneRecord.Caa(n, ttl, 0, "issue", issuer)),
        Gen.Select(NameUnderOrigin, Gen.UInt[0, 86400], Gen.String[0, 80], (n, ttl, value) => ZoneRecord.Caa(n, ttl, 0, "contactemail", value)));

    [Fact]
    public void Valid_zones_written_then_parsed_are_unchanged()
    {
        ValidRecord.Array[0, 12].Sample(records =>
        {
            // Text with lone surrogates cannot survive UTF-8 at all; the writer encodes what UTF-8 can carry.
            var zone = new ZoneFile("example.org", 3600, records.Where(r => !HasLoneSurrogate(r.Data)).ToList());

            var parsed = ZoneLines.AssertWellFormed(ZoneFileWriter.Write(zone), "example.org.", 3600);

            Assert.Equal(zone.Records.OrderBy(r => r.Type != ZoneRecordType.SOA), parsed.Records);
        }, iter: Fuzz.Iterations(300), threads: 1);
    }

    [Fact]
    public void Caa_values_round_trip_through_the_caa_set_and_the_zone_file()
    {
        Gen.Select(IssuerDomain, IssuerDomain, Gen.Bool).Sample((current, second, wildcard) =>
        {
            var existing = wildcard ? new[] { new CaaRecord(0, "issue", current), new CaaRecord(0, "issuewild", current) } : [new CaaRecord(0, "issue", current)];
            var records = CaaRecordSet.AddSecondCa(existing, current, second).Iodef("mailto:security@example.org.invalid").Build();

            var text = ZoneFileWriter.Write(new ZoneFile("example.org", 300, records.Select(r => r.ToZoneRecord("example.org", 300)).ToList()));
            var parsed = ZoneLines.AssertWellFormed(text, "example.org.", 300);

            Assert.Equal(records, parsed.Records.Select(r => CaaRecord.FromZoneRecord(r)!));
            Assert.True(CaaValidator.Validate(records).IsValid);
        }, iter: Fuzz.Iterations(300), threads: 1);
    }

    [Fact]
    public void Hostile_strings_never_add_a_directive_or_a_record()
    {
        Gen.Select(Hostile, Hostile, Hostile, Hostile).Sample((owner, target, text, caa) =>
        {
            ZoneRecord[] records =
            [
                ZoneRecord.Cname(owner + "x", 60, target + "x"),
                ZoneRecord.Ns("example.org", 60, target + "y"),
                ZoneRecord.Mx("example.org", 60, 10, target + "z"),
                ZoneRecord.Txt(owner + "t", 60, text),
                ZoneRecord.Txt("example.org", 60, text),
                ZoneRecord.Caa("example.org", 60, 0, "issue", caa),
                ZoneRecord.Caa("example.org", 60, 0, "iodef", caa),
                ZoneRecord.Caa("example.org", 60, 0, caa + "t", "letsencrypt.org"),
                new ZoneRecord("example.org.", 60, ZoneRecordType.A, caa),
            ];
            var written = records.Where(r => ZoneFileWriter.Problem(r) is null && !HasLoneSurrogate(r.Data)).ToList();

            var zoneText = ZoneFileWriter.Write(new ZoneFile("example.org", 60, records.Where(r => !HasLoneSurrogate(r.Data)).ToList()));
            var parsed = ZoneLines.AssertWellFormed(zoneText, "example.org.", 60);

            Assert.Equal(written, parsed.Records);
            Assert.All(parsed.Records, r => Assert.True(r.Name == "example.org." || r.Name.EndsWith(".example.org.", StringComparison.Ordinal) || ZoneNames.IsValid(r.Name), r.Name));
            Assert.Single(ZoneComments.Line(owner + target + text + caa).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }, iter: Fuzz.Iterations(300), threads: 1);
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
