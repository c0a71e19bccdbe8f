using Chokepoint.Collection.Rdap;
using CsCheck;

namespace Chokepoint.Collection.Tests.Fuzzing;

/// <summary>
/// The RDAP domain parser on hostile JSON: a result with a registration or an error, never an exception; what it
/// keeps is in proportion to the input.
/// </summary>
public sealed class RdapDomainParserProperties
{
    private static readonly string[] Seeds =
    [
        SharedFixtures.Read("rdap", "google.com.json"),
        SharedFixtures.Read("rdap", "parked-domain.eu.json"),
        SharedFixtures.Read("rdap", "norway.no.json"),
    ];

    private static void Parse(string json)
    {
        var result = Mutations.Timed(() => RdapDomainParser.Parse(json));
        Assert.True(result.Succeeded ^ (result.Error is not null), "either a registration or an error");
        if (result.Registration is { } registration)
        {
            Assert.True(registration.NameServers.Count + registration.Status.Count <= json.Length);
        }
    }

    /// <summary>JSON values of any shape, with the members an RDAP domain object has, nested a few levels.</summary>
    private static readonly Gen<string> JsonValue = Gen.Recursive<string>((depth, inner) => depth >= 4
        ? Gen.OneOf("null", "1", "-1", "1e400", "\"\"", "\"x\"", "true", "[]", "{}", "\"2024-13-45T99:99:99Z\"", "\"ns1.example\"", "\"\\ud800\"", "\"\\u0000\"")
        : Gen.OneOf(
            Gen.OneOf("null", "0", "\"registrar\"", "\"registration\"", "\"expiration\"", "\"vcard\"", "[\"vcard\",[]]", "\"active\""),
            inner.Array[0, 4].Select(items => "[" + string.Join(",", items) + "]"),
            Gen.Select(
                Gen.OneOf("objectClassName", "ldhName", "entities", "roles", "vcardArray", "events", "eventAction", "eventDate",
                    "nameservers", "status", "secureDNS", "delegationSigned", "publicIds", "identifier", "type", "links", "href", "rel", "handle"),
                inner).Array[0, 5].Select(members => "{" + string.Join(",", members.Select(m => $"\"{m.Item1}\":{m.Item2}")) + "}")));

    [Fact]
    public void Random_json_of_rdap_shape_never_throws() =>
        JsonValue.Sample(Parse, iter: Fuzz.Iterations(1000));

    [Fact]
    public void Mutated_real_answers_never_throw() =>
        Gen.Select(Gen.Int[0, Seeds.Length - 1], Gen.Int[0, int.MaxValue].Array[0, 18])
            .Select((seed, ops) => Mutations.Apply(Seeds[seed], Mutations.JsonTokens, ops))
            .Sample(Parse, iter: Fuzz.Iterations(1000));

    [Fact]
    public void Random_text_never_throws() =>
        Gen.String.Sample(Parse, iter: Fuzz.Iterations(500));
}
