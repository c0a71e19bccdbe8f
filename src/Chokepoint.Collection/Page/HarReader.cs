using System.Globalization;
using System.Text.Json;

namespace Chokepoint.Collection.Page;

/// <summary>
/// Reads HAR 1.2 captures (HTTP Archive) as a stream: one entry is held in memory at a time, the number of entries
/// read is bounded, and missing fields are tolerated. A file that is not JSON or not a HAR gives a
/// <see cref="HarCapture"/> with an <see cref="HarCapture.Error"/>, never an exception.
/// </summary>
/// <seealso href="https://w3c.github.io/web-performance/specs/HAR/Overview.html"/>
public static class HarReader
{
    /// <summary>Entries read before the rest of a file is left unread.</summary>
    public const int DefaultMaxEntries = 20_000;

    /// <summary>The largest single entry (including any recorded response body) that is read.</summary>
    public const int DefaultMaxEntryBytes = 64 * 1024 * 1024;

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 256,
    };

    /// <summary>Reads a HAR capture from <paramref name="stream"/>.</summary>
    /// <param name="stream">The HAR file's bytes (UTF-8, with or without a byte-order mark).</param>
    /// <param name="maxEntries">Entries read before the rest of the file is left unread (and noted).</param>
    /// <param name="maxEntryBytes">The largest single entry read; a larger one stops reading with an error.</param>
    public static HarCapture Read(Stream stream, int maxEntries = DefaultMaxEntries, int maxEntryBytes = DefaultMaxEntryBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var parser = new HarStreamParser(maxEntries);
        var buffer = new byte[64 * 1024];
        var length = 0;
        var final = false;
        var first = true;
        try
        {
            while (true)
            {
                if (!final)
                {
                    var read = stream.Read(buffer, length, buffer.Length - length);
                    if (read == 0)
                    {
                        final = true;
                    }

                    length += read;
                }

                var start = 0;
                if (first && length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
                {
                    start = 3;
                }

                if (first && (length >= 3 || final))
                {
                    first = false;
                }
                else if (first)
                {
                    continue;
                }

                var consumed = start + parser.Process(buffer.AsSpan(start, length - start), final);
                if (parser.Finished)
                {
                    break;
                }

                Buffer.BlockCopy(buffer, consumed, buffer, 0, length - consumed);
                length -= consumed;
                if (final)
                {
                    parser.Fail(parser.SawAnything
                        ? "the HAR file ends early: the JSON is cut short"
                        : "the HAR file is empty");
                    break;
                }

                if (length == buffer.Length)
                {
                    if (buffer.Length >= maxEntryBytes)
                    {
                        parser.Fail($"entry {parser.EntryCount + 1} is larger than {ByteSize.Format(maxEntryBytes)}; stopped reading there");
                        break;
                    }

                    Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, maxEntryBytes));
                }
            }
        }
        catch (JsonException exception)
        {
            var rest = buffer.AsSpan(0, length);
            parser.Fail(!parser.SawAnything && rest.Trim(" \t\r\n"u8).IsEmpty
                ? "the HAR file is empty"
                : parser.IsCutShort(rest)
                    ? "the HAR file ends early: the JSON is cut short"
                    : $"not valid JSON: {exception.Message}");
        }

        return parser.Result();
    }

    /// <summary>Reads a HAR file from disk; a missing or unreadable file is reported in <see cref="HarCapture.Error"/>.</summary>
    public static HarCapture ReadFile(string path, int maxEntries = DefaultMaxEntries)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Read(stream, maxEntries);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new HarCapture { Error = $"cannot read {path}: {exception.Message}" };
        }
    }

    /// <summary>
    /// The resource kind of a request: Chrome's <c>_resourceType</c> when recorded, else the MIME type, else the URL's
    /// file extension: document, script, stylesheet, font, image, media, xhr or other.
    /// </summary>
    public static string KindOf(string? mimeType, string? resourceType, string? url)
    {
        switch (resourceType?.ToLowerInvariant())
        {
            case "document":
            case "script":
            case "stylesheet":
            case "font":
            case "image":
            case "media":
            case "xhr":
                return resourceType.ToLowerInvariant();
            case "fetch":
            case "eventsource":
            case "websocket":
                return "xhr";
            default:
                break;
        }

        var mime = (mimeType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        var byMime = mime switch
        {
            "text/html" or "application/xhtml+xml" => "document",
            "text/css" => "stylesheet",
            _ when mime.Contains("javascript", StringComparison.Ordinal) || mime.Contains("ecmascript", StringComparison.Ordinal) => "script",
            _ when mime.StartsWith("font/", StringComparison.Ordinal) || mime.Contains("font", StringComparison.Ordinal) => "font",
            _ when mime.StartsWith("image/", StringComparison.Ordinal) => "image",
            _ when mime.StartsWith("video/", StringComparison.Ordinal) || mime.StartsWith("audio/", StringComparison.Ordinal) => "media",
            _ when mime.Contains("json", StringComparison.Ordinal) || mime.Contains("xml", StringComparison.Ordinal) || mime == "text/plain" => "xhr",
            _ => null,
        };
        if (byMime is not null)
        {
            return byMime;
        }

        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return "other";
        }

        return Path.GetExtension(uri.AbsolutePath).ToLowerInvariant() switch
        {
            ".js" or ".mjs" => "script",
            ".css" => "stylesheet",
            ".woff" or ".woff2" or ".ttf" or ".otf" or ".eot" => "font",
            ".png" or ".jpg" or ".jpeg" or ".gif" or ".webp" or ".avif" or ".svg" or ".ico" => "image",
            ".mp4" or ".webm" or ".m3u8" or ".mp3" or ".ogg" or ".ts" => "media",
            ".html" or ".htm" => "document",
            ".json" => "xhr",
            _ => "other",
        };
    }

    /// <summary>The HAR structure, read token by token: <c>{ "log": { "version", "pages", "entries": [ ... ] } }</c>.</summary>
    private sealed class HarStreamParser(int maxEntries)
    {
        private readonly List<HarEntry> entries = [];
        private readonly List<string> notes = [];
        private JsonReaderState state = new(ReaderOptions);
        private Where where = Where.Start;
        private bool sawLog;
        private bool sawEntries;
        private int withoutUrl;
        private string? version;
        private string? pageTitle;
        private string? error;

        private enum Where
        {
            Start,
            Root,
            Log,
            Entries,
            Done,
        }

        public bool Finished => where == Where.Done || error is not null;

        public bool SawAnything { get; private set; }

        public int EntryCount => entries.Count;

        public void Fail(string reason) => error ??= reason;

        /// <summary>Reads as far as <paramref name="data"/> allows; returns the bytes consumed.</summary>
        public int Process(ReadOnlySpan<byte> data, bool isFinal)
        {
            var reader = new Utf8JsonReader(data, isFinal, state);
            while (!Finished)
            {
                var before = reader;
                if (!Step(ref reader))
                {
                    reader = before;
                    break;
                }
            }

            state = reader.CurrentState;
            return (int)reader.BytesConsumed;
        }

        /// <summary>True when <paramref name="rest"/> (the unconsumed input) is valid JSON that merely stops early.</summary>
        public bool IsCutShort(ReadOnlySpan<byte> rest)
        {
            var reader = new Utf8JsonReader(rest, isFinalBlock: false, state);
            try
            {
                while (reader.Read())
                {
                }

                return true;
            }
            catch (JsonException)
            {
                return false;
            }
        }

        public HarCapture Result()
        {
            if (error is null && !sawLog)
            {
                error = "not a HAR file: there is no \"log\" object";
            }
            else if (error is null && !sawEntries)
            {
                error = "not a HAR file: the \"log\" object has no \"entries\" array";
            }

            if (withoutUrl > 0)
            {
                notes.Add($"{withoutUrl.ToString(CultureInfo.InvariantCulture)} entries had no request URL and were skipped");
            }

            return new HarCapture
            {
                Version = version,
                PageTitle = pageTitle,
                Entries = entries,
                Notes = notes,
                Error = error,
            };
        }

        /// <summary>Reads one token (and, where needed, the value after it); false when more data is needed.</summary>
        private bool Step(ref Utf8JsonReader reader)
        {
            if (!reader.Read())
            {
                return false;
            }

            SawAnything = true;
            switch (where)
            {
                case Where.Start:
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        Fail("not a HAR file: it must be one JSON object");
                        return true;
                    }

                    where = Where.Root;
                    return true;

                case Where.Root:
                    if (reader.TokenType == JsonTokenType.EndObject)
                    {
                        where = Where.Done;
                        return true;
                    }

                    if (reader.ValueTextEquals("log"u8))
                    {
                        if (!reader.Read())
                        {
                            return false;
                        }

                        if (reader.TokenType != JsonTokenType.StartObject)
                        {
                            Fail("not a HAR file: \"log\" must be an object");
                            return true;
                        }

                        sawLog = true;
                        where = Where.Log;
                        return true;
                    }

                    return SkipValue(ref reader);

                case Where.Log:
                    return StepInLog(ref reader);

                case Where.Entries:
                    return StepInEntries(ref reader);

                default:
                    return true;
            }
        }

        private bool StepInLog(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                where = Where.Root;
                return true;
            }

            if (reader.ValueTextEquals("entries"u8))
            {
                if (!reader.Read())
                {
                    return false;
                }

                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    Fail("not a HAR file: \"log.entries\" must be an array");
                    return true;
                }

                sawEntries = true;
                where = Where.Entries;
                return true;
            }

            if (reader.ValueTextEquals("version"u8))
            {
                if (!reader.Read())
                {
                    return false;
                }

                version = reader.TokenType == JsonTokenType.String ? Text(ref reader) : null;
                return reader.TokenType == JsonTokenType.String || reader.TrySkip();
            }

            if (reader.ValueTextEquals("pages"u8))
            {
                if (!reader.Read())
                {
                    return false;
                }

                if (!JsonDocument.TryParseValue(ref reader, out var pages))
                {
                    return false;
                }

                using (pages)
                {
                    if (pages.RootElement.ValueKind == JsonValueKind.Array && pages.RootElement.GetArrayLength() > 0
                        && pages.RootElement[0].ValueKind == JsonValueKind.Object)
                    {
                        pageTitle = String(pages.RootElement[0], "title");
                    }
                }

                return true;
            }

            return SkipValue(ref reader);
        }

        private bool StepInEntries(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                where = Where.Log;
                return true;
            }

            if (entries.Count >= maxEntries)
            {
                notes.Add($"read the first {maxEntries.ToString("N0", CultureInfo.InvariantCulture)} entries; the rest of the file was not read");
                where = Where.Done;
                return true;
            }

            if (!JsonDocument.TryParseValue(ref reader, out var entry))
            {
                return false;
            }

            using (entry)
            {
                if (entry.RootElement.ValueKind == JsonValueKind.Object && ToEntry(entry.RootElement) is { } harEntry)
                {
                    entries.Add(harEntry);
                }
                else
                {
                    withoutUrl++;
                }
            }

            return true;
        }

        /// <summary>Skips the value after a property name; false when it is not all in the buffer yet.</summary>
        private static bool SkipValue(ref Utf8JsonReader reader) => reader.Read() && reader.TrySkip();

        private static HarEntry? ToEntry(JsonElement entry)
        {
            var request = Object(entry, "request");
            var url = request is { } r ? String(r, "url") : null;
            if (string.IsNullOrEmpty(url))
            {
                return null;
            }

            var response = Object(entry, "response");
            int? status = null;
            string? mimeType = null;
            var headers = new Dictionary<string, string>(StringComparer.Ordinal);
            if (response is { } res)
            {
                if (res.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var code) && code > 0)
                {
                    status = code;
                }

                if (Object(res, "content") is { } content)
                {
                    mimeType = String(content, "mimeType");
                }

                if (res.TryGetProperty("headers", out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    foreach (var header in list.EnumerateArray())
                    {
                        if (header.ValueKind != JsonValueKind.Object || String(header, "name") is not { Length: > 0 } name)
                        {
                            continue;
                        }

                        var key = name.ToLowerInvariant();
                        var value = String(header, "value") ?? "";
                        headers[key] = headers.TryGetValue(key, out var existing) ? existing + ", " + value : value;
                    }
                }
            }

            return new HarEntry
            {
                Url = url,
                Host = HostOf(url),
                Method = request is { } req ? String(req, "method") : null,
                Status = status,
                MimeType = mimeType,
                Kind = KindOf(mimeType, String(entry, "_resourceType"), url),
                Headers = headers,
                ServerIpAddress = String(entry, "serverIPAddress"),
            };
        }

        /// <summary>The URL's host name, or empty when the URL is not absolute or its host is not a valid IDN (<see cref="UrlHost"/>).</summary>
        private static string HostOf(string url) =>
            Uri.TryCreate(url, UriKind.Absolute, out var uri) ? UrlHost.Of(uri) ?? "" : "";

        private static JsonElement? Object(JsonElement parent, string name) =>
            parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

        private static string? String(JsonElement parent, string name)
        {
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            // An escaped unpaired surrogate ("\ud800") is valid JSON syntax but no text (RFC 8259 section 8.2): absent.
            try
            {
                return value.GetString();
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }

        /// <summary>The current string token's text, or null when it holds an escaped unpaired surrogate.</summary>
        private static string? Text(ref Utf8JsonReader reader)
        {
            try
            {
                return reader.GetString();
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }
    }
}
