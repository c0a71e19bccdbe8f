using Chokepoint.Cli.Commands;

namespace Chokepoint.Cli.Tests.Fuzzing;

public sealed class NetworkProfileFileTests
{
    /// <summary>
    /// Regression (found by the profile property): a newline in the resolver reached the settings check, whose error
    /// quotes the value, so the refusal was two lines.
    /// </summary>
    [Theory]
    [InlineData("""{"resolver":"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"}""", "network.resolver")]
    [InlineData("""{"rdapBootstrap":"https://127.0.0.1/\r\nx"}""", "network.rdapBootstrap")]
    [InlineData("""{"name":"demo\u001b[31m"}""", "network.name")]
    public void A_value_with_a_control_character_is_refused_in_one_line_instead_of_echoed(string json, string named)
    {
        var refused = Assert.Throws<CommandFailedException>(() => NetworkProfileFile.Parse(json, "profile.json"));

        Assert.Equal(ExitCodes.UsageError, refused.ExitCode);
        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(refused.Message, char.IsControl);
    }

    [Fact]
    public void A_pem_keeps_its_lines() =>
        Assert.Contains('\n', NetworkProfileFile.Parse("""{"rootCaPem":"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"}""", "p.json").RootCaPem!);
}
