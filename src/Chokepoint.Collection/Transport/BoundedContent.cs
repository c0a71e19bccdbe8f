using System.Text;

namespace Chokepoint.Collection.Transport;

/// <summary>Reads an HTTP body up to a size limit, so a hostile or broken server cannot exhaust memory.</summary>
public static class BoundedContent
{
    /// <summary>
    /// Reads at most <paramref name="maxBytes"/> bytes as UTF-8. Returns null text and Truncated = true when
    /// the body is larger.
    /// </summary>
    public static async Task<(string? Text, bool Truncated)> ReadAsStringAsync(
        HttpContent content,
        int maxBytes,
        CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is long declared && declared > maxBytes)
        {
            return (null, true);
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[Math.Min(maxBytes + 1, 64 * 1024)];
        using var collected = new MemoryStream();
        while (true)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                break;
            }

            collected.Write(buffer, 0, read);
            if (collected.Length > maxBytes)
            {
                return (null, true);
            }
        }

        return (Encoding.UTF8.GetString(collected.GetBuffer(), 0, (int)collected.Length), false);
    }
}
