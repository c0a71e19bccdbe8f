using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Chokepoint.Observations.Reading;

/// <summary>
/// The first pass of the reader: one forward walk over the JSON tokens of a stream, holding only a buffer as large as
/// the largest token and a stack as deep as the nesting. It checks the syntax, tells what the file is (the
/// <c>format</c> marker, a report, a HAR capture), and checks every known member's shape against
/// <see cref="MemberShape"/>: null where a list is expected, a string where an integer is, an integer out of range, a
/// required member missing, a member given twice. Unknown members are skipped (forward compatibility).
/// </summary>
internal sealed class ShapeScanner
{
    /// <summary>The deepest nesting read; the observations format itself is six levels deep.</summary>
    public const int MaxDepth = 64;

    private const int InitialBuffer = 64 * 1024;

    private readonly MemberShape _root;
    private readonly List<Frame> _stack = [];
    private (string Path, string Reason)? _firstError;

    // What the root object holds, for telling what the file is (case-sensitive, as the marker rule is written).
    private string? _rootMember;
    private string? _format;
    private string? _formatNotString;
    private string? _domain;
    private bool _hasFormatVersion;
    private int? _formatVersion;
    private bool _hasCollectedAt;
    private bool _hasUnobserved;
    private bool _hasReportMember;
    private bool _hasLogEntries;

    private ShapeScanner(MemberShape root) => _root = root;

    /// <summary>
    /// Scans <paramref name="stream"/> to its end and returns the format version to read it as, or throws
    /// <see cref="ObservationsFormatException"/> saying what is wrong (the first problem in the documented order).
    /// </summary>
    public static int Scan(Stream stream, MemberShape root)
    {
        var scanner = new ShapeScanner(root);
        scanner.Walk(stream);
        return scanner.Verdict();
    }

    private void Walk(Stream stream)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
        try
        {
            var state = new JsonReaderState(new JsonReaderOptions { MaxDepth = MaxDepth });
            var length = 0;
            var start = 0;
            var final = false;
            var first = true;
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(checked(buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = stream.Read(buffer, length, buffer.Length - length);
                final = read == 0;
                length += read;
                if (first)
                {
                    if (!final && length < 3)
                    {
                        continue;
                    }

                    first = false;
                    start = length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
                }

                var reader = new Utf8JsonReader(buffer.AsSpan(start, length - start), final, state);
                try
                {
                    while (reader.Read())
                    {
                        Token(ref reader);
                    }
                }
                catch (JsonException exception)
                {
                    throw new ObservationsFormatException($"not valid observations JSON: {OneLine(exception.Message)}", exception);
                }

                if (final)
                {
                    return;
                }

                state = reader.CurrentState;
                var consumed = start + (int)reader.BytesConsumed;
                buffer.AsSpan(consumed, length - consumed).CopyTo(buffer);
                length -= consumed;
                start = 0;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Token(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.PropertyName:
                Name(ref reader);
                return;
            case JsonTokenType.EndObject:
                EndObject();
                return;
            case JsonTokenType.EndArray:
                _stack.RemoveAt(_stack.Count - 1);
                return;
            default:
                Value(ref reader);
                return;
        }
    }

    private void Name(ref Utf8JsonReader reader)
    {
        var frame = _stack[^1];
        if (frame.Kind == FrameKind.Skip)
        {
            if (frame.IsRootLog && reader.ValueTextEquals("entries"u8))
            {
                _hasLogEntries = true;
            }

            return;
        }

        var name = SafeString(ref reader);
        if (name is null)
        {
            Fail(Path(), "a member name is not valid text (invalid UTF-8 or a lone surrogate escape)");
            name = "";
        }

        if (_stack.Count == 1)
        {
            _rootMember = name;
        }

        frame.Name = name;
        frame.Pending = null;
        if (frame.Kind == FrameKind.Map)
        {
            if (!frame.Keys!.Add(name))
            {
                Fail(Path(), $"the member {Quote(name)} is given twice");
            }

            return;
        }

        if (frame.Shape!.Members.TryGetValue(name, out var member))
        {
            frame.Name = member.Name;
            var bit = 1L << member.Index;
            if ((frame.Seen & bit) != 0)
            {
                Fail(Path(), $"the member {Quote(name)} is given twice");
            }

            frame.Seen |= bit;
            frame.Pending = member;
        }
    }

    private void EndObject()
    {
        var frame = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        if (frame.Kind != FrameKind.Object)
        {
            return;
        }

        foreach (var member in frame.Shape!.Required)
        {
            if ((frame.Seen & (1L << member.Index)) == 0 && !(frame.IsRoot && member.Name == "domain"))
            {
                _stack.Add(frame);
                frame.Name = member.Name;
                Fail(Path(), "missing (required)");
                _stack.RemoveAt(_stack.Count - 1);
                return;
            }
        }
    }

    private void Value(ref Utf8JsonReader reader)
    {
        MemberShape? shape;
        bool allowsNull;
        if (_stack.Count == 0)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new ObservationsFormatException("the observations file must hold one JSON object");
            }

            _stack.Add(new Frame(FrameKind.Object, _root) { IsRoot = true });
            return;
        }

        var parent = _stack[^1];
        switch (parent.Kind)
        {
            case FrameKind.Object:
                shape = parent.Pending?.Shape;
                allowsNull = parent.Pending?.AllowsNull ?? true;
                break;
            case FrameKind.List:
                parent.Index++;
                shape = parent.Shape!.Element;
                allowsNull = shape!.AllowsNull;
                break;
            case FrameKind.Map:
                shape = parent.Shape!.Element;
                allowsNull = shape!.AllowsNull;
                break;
            default:
                shape = null;
                allowsNull = true;
                break;
        }

        if (parent.IsRoot)
        {
            Identify(ref reader);
        }

        if (shape is null || _firstError is not null)
        {
            Skip(ref reader, parent);
            return;
        }

        if (reader.TokenType == JsonTokenType.Null)
        {
            if (!allowsNull)
            {
                Fail(Path(), $"null where {shape.Expected} is expected");
            }

            return;
        }

        switch (shape.Kind)
        {
            case ShapeKind.Object when reader.TokenType == JsonTokenType.StartObject:
                _stack.Add(new Frame(FrameKind.Object, shape));
                return;
            case ShapeKind.Map when reader.TokenType == JsonTokenType.StartObject:
                _stack.Add(new Frame(FrameKind.Map, shape) { Keys = new HashSet<string>(StringComparer.Ordinal) });
                return;
            case ShapeKind.List when reader.TokenType == JsonTokenType.StartArray:
                _stack.Add(new Frame(FrameKind.List, shape));
                return;
            case ShapeKind.String when reader.TokenType == JsonTokenType.String:
                CheckText(ref reader);
                return;
            case ShapeKind.Int32 when reader.TokenType == JsonTokenType.Number:
                if (!reader.TryGetInt32(out _))
                {
                    Fail(Path(), NotAnInteger(ref reader, int.MinValue, int.MaxValue));
                }

                return;
            case ShapeKind.Int64 when reader.TokenType == JsonTokenType.Number:
                if (!reader.TryGetInt64(out _))
                {
                    Fail(Path(), NotAnInteger(ref reader, long.MinValue, long.MaxValue));
                }

                return;
            case ShapeKind.Boolean when reader.TokenType is JsonTokenType.True or JsonTokenType.False:
                return;
            case ShapeKind.Time when reader.TokenType == JsonTokenType.String:
                if (CheckText(ref reader) && !reader.TryGetDateTimeOffset(out _))
                {
                    Fail(Path(), $"{Describe(ref reader)} is not a time (ISO 8601 with offset)");
                }

                return;
            case ShapeKind.Enum when reader.TokenType == JsonTokenType.String:
                if (CheckText(ref reader) && !shape.EnumNames.Contains(reader.GetString()!))
                {
                    Fail(Path(), $"{Describe(ref reader)} is not {shape.Expected}");
                }

                return;
            default:
                Fail(Path(), $"{Describe(ref reader)} where {shape.Expected} is expected");
                Skip(ref reader, parent);
                return;
        }
    }

    /// <summary>Facts about the root's members that say what the file is.</summary>
    private void Identify(ref Utf8JsonReader reader)
    {
        switch (_rootMember)
        {
            case "format":
                if (reader.TokenType == JsonTokenType.String && CheckText(ref reader))
                {
                    _format = reader.GetString();
                }
                else
                {
                    _formatNotString = Describe(ref reader);
                }

                break;
            case "domain":
                _domain = reader.TokenType == JsonTokenType.String && CheckText(ref reader) ? reader.GetString() : null;
                break;
            case "formatVersion":
                _hasFormatVersion = true;
                _formatVersion = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var version) ? version : null;
                break;
            case "collectedAt":
                _hasCollectedAt = true;
                break;
            case "unobserved":
                _hasUnobserved = true;
                break;
            case "reportVersion" or "layers":
                _hasReportMember = true;
                break;
        }
    }

    private void Skip(ref Utf8JsonReader reader, Frame parent)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            _stack.Add(new Frame(FrameKind.Skip, null) { IsRootLog = parent.IsRoot && _rootMember == "log" && reader.TokenType == JsonTokenType.StartObject });
        }
    }

    /// <summary>The file's verdict, in the documented order: what it is, its version, its domain, then its first shape error.</summary>
    private int Verdict()
    {
        if (WhatItIsNot() is { } refusal)
        {
            throw new ObservationsFormatException(refusal);
        }

        var version = _hasFormatVersion ? _formatVersion : 1;
        if (version > SiteObservations.CurrentFormatVersion)
        {
            throw new ObservationsFormatException($"observations format version {version} is newer than this tool reads ({SiteObservations.CurrentFormatVersion})");
        }

        if (_firstError is { } error)
        {
            throw new ObservationsFormatException(error.Path, error.Reason);
        }

        if (version is not >= 1)
        {
            throw new ObservationsFormatException("formatVersion", $"{_formatVersion} is not a format version (1 to {SiteObservations.CurrentFormatVersion})");
        }

        if (_domain is null)
        {
            throw new ObservationsFormatException("the observations file has no \"domain\"");
        }

        return version.Value;
    }

    private string? WhatItIsNot()
    {
        if (_format is not null || _formatNotString is not null)
        {
            return _format == SiteObservations.FormatMarker
                ? null
                : $"not an observations file: its \"format\" is {(_format is null ? _formatNotString : JsonSerializer.Serialize(Cut(_format)))}, not \"{SiteObservations.FormatMarker}\"";
        }

        if (_hasReportMember)
        {
            return "this is a Chokepoint report (it has \"reportVersion\" or \"layers\"), not observations; " +
                   "observations are what 'chokepoint audit --save-observations' writes";
        }

        if (_hasLogEntries)
        {
            return "this is a HAR capture (it has \"log.entries\"), not observations; give it to 'chokepoint audit --har'";
        }

        return _domain is not null && (_hasFormatVersion || _hasCollectedAt || _hasUnobserved)
            ? null
            : $"not an observations file: no \"format\": \"{SiteObservations.FormatMarker}\" marker, and not the shape of one written " +
              "before it (\"domain\" with \"formatVersion\", \"collectedAt\" or \"unobserved\")";
    }

    /// <summary>A string must be text a reader can decode: valid UTF-8 and valid escapes (no lone surrogates).</summary>
    private bool CheckText(ref Utf8JsonReader reader)
    {
        var valid = true;
        if (reader.ValueIsEscaped)
        {
            try
            {
                _ = reader.GetString();
            }
            catch (InvalidOperationException)
            {
                valid = false;
            }
        }
        else
        {
            valid = System.Text.Unicode.Utf8.IsValid(reader.ValueSpan);
        }

        if (!valid)
        {
            Fail(Path(), "not valid text (invalid UTF-8 or a lone surrogate escape)");
        }

        return valid;
    }

    private static string NotAnInteger(ref Utf8JsonReader reader, long minimum, long maximum)
    {
        var raw = Cut(Encoding.UTF8.GetString(reader.ValueSpan));
        if (!reader.TryGetDouble(out var value) || !double.IsFinite(value) || (value == Math.Floor(value) && (value < minimum || value > maximum)))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{raw} is out of range ({minimum} to {maximum})");
        }

        return value == Math.Floor(value) ? $"{raw} is not an integer (written with a fraction or an exponent)" : $"{raw} is not an integer";
    }

    private static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "a list",
        JsonTokenType.String => "the string " + (reader.ValueSpan.Length > 200 ? "of " + reader.ValueSpan.Length.ToString(CultureInfo.InvariantCulture) + " bytes" : Quote(SafeString(ref reader) ?? "(invalid text)")),
        JsonTokenType.Number => Cut(Encoding.UTF8.GetString(reader.ValueSpan)),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => "null",
    };

    private static string? SafeString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>A value in a message: JSON-quoted (so control characters show as escapes), at most 60 characters.</summary>
    internal static string Quote(string value) => JsonSerializer.Serialize(Cut(value));

    private static string Cut(string value) => value.Length > 60 ? value[..59] + "…" : value;

    private static string OneLine(string message) => Unobserved.OneLine(message);

    private void Fail(string path, string reason) => _firstError ??= (path, reason);

    /// <summary>The member being read, as <c>hosts[0].addresses[1].ip</c>.</summary>
    private string Path()
    {
        var path = new StringBuilder();
        for (var i = 0; i < _stack.Count; i++)
        {
            var frame = _stack[i];
            switch (frame.Kind)
            {
                case FrameKind.Map when frame.Name is not null && !IsPlainName(frame.Name):
                    path.Append(Key(frame.Name));
                    break;
                case FrameKind.Object or FrameKind.Map when frame.Name is not null:
                    path.Append(path.Length > 0 ? "." : "").Append(frame.Name);
                    break;
                case FrameKind.List:
                    path.Append(CultureInfo.InvariantCulture, $"[{frame.Index}]");
                    break;
            }
        }

        return path.ToString();
    }

    /// <summary>The path of the map entry <paramref name="name"/> under <paramref name="map"/>: <c>headers.server</c>, or <c>headers["x y"]</c>.</summary>
    internal static string Entry(string map, string name) => IsPlainName(name) ? map + "." + name : map + Key(name);

    private static string Key(string name) => "[" + JsonSerializer.Serialize(name) + "]";

    private static bool IsPlainName(string name) => name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private enum FrameKind
    {
        Object,
        List,
        Map,
        Skip,
    }

    private sealed class Frame(FrameKind kind, MemberShape? shape)
    {
        public FrameKind Kind { get; } = kind;

        public MemberShape? Shape { get; } = shape;

        public bool IsRoot { get; init; }

        public bool IsRootLog { get; init; }

        /// <summary>The member being read (objects and maps).</summary>
        public string? Name { get; set; }

        public ShapeMember? Pending { get; set; }

        /// <summary>The members seen so far, one bit each.</summary>
        public long Seen { get; set; }

        /// <summary>The keys seen so far (maps).</summary>
        public HashSet<string>? Keys { get; init; }

        /// <summary>The element being read (lists); -1 before the first.</summary>
        public int Index { get; set; } = -1;
    }
}
