using System.IO.Compression;

namespace Chokepoint.Reporting.Tests.Html;

/// <summary>
/// A small PNG reader for screenshots (8-bit RGB or RGBA, not interlaced, as Chromium writes them): the size from
/// IHDR and the pixels from the inflated, unfiltered IDAT data, to tell a rendered page from a blank one.
/// </summary>
/// <seealso href="https://www.w3.org/TR/png-3/"/>
internal sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly byte[] pixels;
    private readonly int channels;

    private PngImage(int width, int height, int channels, byte[] pixels)
    {
        Width = width;
        Height = height;
        this.channels = channels;
        this.pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public static PngImage Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.AsSpan().StartsWith(Signature), $"{path} is not a PNG");
        int width = 0, height = 0, channels = 0;
        using var data = new MemoryStream();
        for (var at = Signature.Length; at + 8 <= bytes.Length;)
        {
            var length = BigEndian(bytes, at);
            var type = System.Text.Encoding.ASCII.GetString(bytes, at + 4, 4);
            if (type == "IHDR")
            {
                width = BigEndian(bytes, at + 8);
                height = BigEndian(bytes, at + 12);
                Assert.Equal(8, bytes[at + 16]);
                Assert.Equal(0, bytes[at + 20]);
                channels = bytes[at + 17] switch { 2 => 3, 6 => 4, var colour => throw new InvalidDataException($"PNG colour type {colour} not read here") };
            }
            else if (type == "IDAT")
            {
                data.Write(bytes, at + 8, length);
            }

            at += 12 + length;
        }

        data.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(data, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        return new PngImage(width, height, channels, Unfilter(inflated.ToArray(), width, height, channels));
    }

    /// <summary>The share of pixels that are not (near) white.</summary>
    public double InkShare()
    {
        long ink = 0;
        for (var i = 0; i < pixels.Length; i += channels)
        {
            if (pixels[i] < 240 || pixels[i + 1] < 240 || pixels[i + 2] < 240)
            {
                ink++;
            }
        }

        return ink / (double)(Width * (long)Height);
    }

    /// <summary>How many different colours the image uses.</summary>
    public int Colours()
    {
        var seen = new HashSet<int>();
        for (var i = 0; i < pixels.Length; i += channels)
        {
            seen.Add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
        }

        return seen.Count;
    }

    private static byte[] Unfilter(byte[] data, int width, int height, int channels)
    {
        var stride = width * channels;
        var result = new byte[stride * height];
        for (var row = 0; row < height; row++)
        {
            var filter = data[row * (stride + 1)];
            var source = (row * (stride + 1)) + 1;
            var target = row * stride;
            for (var x = 0; x < stride; x++)
            {
                int left = x >= channels ? result[target + x - channels] : 0;
                int up = row > 0 ? result[target + x - stride] : 0;
                int upLeft = row > 0 && x >= channels ? result[target + x - stride - channels] : 0;
                var value = data[source + x];
                result[target + x] = (byte)(filter switch
                {
                    0 => value,
                    1 => value + left,
                    2 => value + up,
                    3 => value + ((left + up) / 2),
                    4 => value + Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"PNG filter {filter}"),
                });
            }
        }

        return result;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static int BigEndian(byte[] bytes, int offset) =>
        (bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3];
}
