using System.Globalization;
using System.Reflection;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Chokepoint.Simulation.World;

/// <summary>
/// Maps YAML parser events straight onto the world classes by property name (camelCase keys), with the target
/// type known at each step (no node tree is built). Unknown keys, wrong shapes and unparseable scalars are
/// collected as errors rather than thrown. Where each field path starts in the text (<see cref="FindMarks"/>) is
/// worked out only when asked for, by reading the text again: it is needed only to place validation errors.
/// </summary>
internal sealed class WorldYamlReader
{
    private readonly Func<TextReader> _open;
    private readonly string _source;
    private readonly NullabilityInfoContext _nullability = new();

    /// <summary>Each world class's keys, properties and nullability, worked out once per read (reflection is slow).</summary>
    private readonly Dictionary<Type, Dictionary<string, (PropertyInfo Property, bool Nullable)>> _shapes = [];

    /// <summary>How each field type is read (what <see cref="ReadValue"/> would otherwise work out per value).</summary>
    private readonly Dictionary<Type, ValueShape> _valueShapes = [];

    /// <summary>The field path being read, as keys and list indexes; turned into text only when needed.</summary>
    private readonly List<(string? Key, int Index)> _path = [];

    /// <summary>On the second read, the paths whose marks are wanted (and their ancestors); null on the first.</summary>
    private readonly HashSet<string>? _wanted;

    private WorldYamlEvents _events = null!;

    /// <summary>The marks found on the second read.</summary>
    private readonly Dictionary<string, Mark> _marks = new(StringComparer.Ordinal);

    private WorldYamlReader(Func<TextReader> open, string source, HashSet<string>? wanted)
    {
        _open = open;
        _source = source;
        _wanted = wanted;
    }

    /// <summary>
    /// The errors found while reading, at most <see cref="WorldLoadResult.MaximumErrors"/>; the rest are only
    /// counted in <see cref="OmittedErrors"/>.
    /// </summary>
    public List<WorldError> Errors { get; } = [];

    /// <summary>Errors found beyond those kept in <see cref="Errors"/>.</summary>
    public int OmittedErrors { get; private set; }

    /// <summary>Reads <paramref name="yaml"/>; the world is null when the text is not a single YAML mapping.</summary>
    public static (World? World, WorldYamlReader Reader) Read(string yaml, string source) =>
        Read(() => new StringReader(yaml), source);

    /// <summary>
    /// Reads the text <paramref name="open"/> gives, streaming (the text is never held whole); the world is null
    /// when it is not a single YAML mapping. <paramref name="open"/> is called again by <see cref="FindMarks"/>.
    /// </summary>
    public static (World? World, WorldYamlReader Reader) Read(Func<TextReader> open, string source) =>
        ReadText(open, source, wanted: null);

    /// <summary>
    /// Where each of <paramref name="paths"/> (or its nearest ancestor) starts in the text, found by reading the text
    /// again and keeping only the marks asked for, so that memory stays in proportion to the errors, not the world.
    /// </summary>
    public Dictionary<string, Mark> FindMarks(IEnumerable<string> paths)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            for (var current = path; current.Length > 0; current = Parent(current))
            {
                if (!wanted.Add(current))
                {
                    break;
                }
            }
        }

        return wanted.Count == 0 ? [] : ReadText(_open, _source, wanted).Reader._marks;
    }

    /// <summary>The path one level up ("a.b[2]" to "a.b", "a.b" to "a"), or "" at the top.</summary>
    public static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut > 0 ? path[..cut] : "";
    }

    /// <summary>The camelCase YAML key of a property name.</summary>
    public static string KeyOf(string propertyName) => char.ToLowerInvariant(propertyName[0]) + propertyName[1..];

    /// <summary>The settable public properties of a world class, in declaration order.</summary>
    public static PropertyInfo[] PropertiesOf(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).OrderBy(p => p.MetadataToken)];

    private static (World? World, WorldYamlReader Reader) ReadText(Func<TextReader> open, string source, HashSet<string>? wanted)
    {
        var reader = new WorldYamlReader(open, source, wanted);
        using var text = open();
        reader._events = new WorldYamlEvents(new Parser(text));
        try
        {
            return (reader.ReadStream(), reader);
        }
        catch (YamlException e)
        {
            // As with a node tree, a text that is not well-formed YAML is reported alone.
            reader.Fail(new WorldError(source, (int)e.Start.Line, (int)e.Start.Column, "", StripLocation(e.Message)));
            return (null, reader);
        }
        catch (Exception e) when (e is InvalidOperationException or EndOfStreamException)
        {
            // YamlDotNet's scanner throws the first on some malformed input, and on some its parser ends the events
            // early (e.g. "- : x" as a block sequence item); report it after the last event read.
            var mark = reader._events.ParserCurrent?.End ?? Mark.Empty;
            reader.Fail(new WorldError(source, (int)mark.Line, (int)mark.Column, "", "malformed YAML after this point"));
            return (null, reader);
        }
    }

    /// <summary>
    /// Reads every document (so that syntax errors anywhere are found, as loading the whole stream would), mapping
    /// the first; problems with the stream's shape outrank problems inside the world.
    /// </summary>
    private World? ReadStream()
    {
        _events.Consume<StreamStart>();
        World? world = null;
        WorldError? rootError = null;
        var documents = 0;
        while (!_events.TryConsume<StreamEnd>(out _))
        {
            _events.Consume<DocumentStart>();
            documents++;
            if (documents > 1)
            {
                _events.SkipThisAndNestedEvents();
            }
            else if (_events.Accept<MappingStart>(out _))
            {
                world = (World?)ReadObject(typeof(World));
            }
            else
            {
                rootError = ErrorAt(_events.Current!, "the document must be a mapping (version, name, companies, ...)");
                _events.SkipThisAndNestedEvents();
            }

            _events.Consume<DocumentEnd>();
        }

        if (documents != 1)
        {
            Fail(new WorldError(_source, 1, 1, "", $"expected one YAML document, found {documents}"));
            return null;
        }

        if (rootError is not null)
        {
            Fail(rootError);
            return null;
        }

        return world;
    }

    private static string StripLocation(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the location is reported separately.
        var index = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith('(') && index >= 0 ? message[(index + 3)..] : message;
    }

    private static bool IsNullScalar(ParsingEvent node) =>
        node is Scalar { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar
        && (scalar.Value is "" or "~" or "null" or "Null" or "NULL");

    private void Fail(WorldError error)
    {
        Errors.Clear();
        OmittedErrors = 0;
        Errors.Add(error);
    }

    private string CurrentPath()
    {
        var text = new StringBuilder();
        foreach (var (key, index) in _path)
        {
            if (key is null)
            {
                text.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else
            {
                (text.Length > 0 ? text.Append('.') : text).Append(key);
            }
        }

        return text.ToString();
    }

    private WorldError ErrorAt(ParsingEvent node, string message) =>
        new(_source, (int)node.Start.Line, (int)node.Start.Column, CurrentPath(), message);

    private void AddError(ParsingEvent node, string message)
    {
        if (Errors.Count < WorldLoadResult.MaximumErrors)
        {
            Errors.Add(ErrorAt(node, message));
        }
        else
        {
            OmittedErrors++;
        }
    }

    /// <summary>Reports the current node as not what <paramref name="message"/> expected, and steps over it.</summary>
    private void Reject(string message)
    {
        AddError(_events.Current!, message);
        _events.SkipThisAndNestedEvents();
    }

    private void Enter(string? key, int index, ParsingEvent value)
    {
        _path.Add((key, index));
        if (_wanted is not null && CurrentPath() is var path && _wanted.Contains(path))
        {
            _marks[path] = value.Start;
        }
    }

    private void Leave() => _path.RemoveAt(_path.Count - 1);

    private object? ReadObject(Type type)
    {
        if (!_events.TryConsume<MappingStart>(out _))
        {
            Reject($"expected a mapping ({type.Name})");
            return null;
        }

        var instance = Activator.CreateInstance(type)!;
        var properties = ShapeOf(type);
        while (!_events.TryConsume<MappingEnd>(out _))
        {
            if (!_events.TryConsume<Scalar>(out var keyNode))
            {
                Reject("keys must be plain names");
                _events.SkipThisAndNestedEvents();
                continue;
            }

            var key = keyNode.Value;
            if (!properties.TryGetValue(key, out var shape))
            {
                _path.Add((key, 0));
                AddError(keyNode, $"unknown key '{key}' in {type.Name}; expected one of: {string.Join(", ", properties.Keys)}");
                Leave();
                _events.SkipThisAndNestedEvents();
                continue;
            }

            Enter(key, 0, _events.Current!);
            var (property, nullable) = shape;
            if (ReadValue(property.PropertyType, nullable, out var value))
            {
                property.SetValue(instance, value);
            }

            Leave();
        }

        return instance;
    }

    private Dictionary<string, (PropertyInfo Property, bool Nullable)> ShapeOf(Type type)
    {
        if (!_shapes.TryGetValue(type, out var shape))
        {
            shape = PropertiesOf(type).ToDictionary(
                p => KeyOf(p.Name),
                p => (p, _nullability.Create(p).WriteState == NullabilityState.Nullable),
                StringComparer.Ordinal);
            _shapes[type] = shape;
        }

        return shape;
    }

    private ValueShape ValueShapeOf(Type type)
    {
        if (!_valueShapes.TryGetValue(type, out var shape))
        {
            var underlying = Nullable.GetUnderlyingType(type);
            var target = underlying ?? type;
            var kind = target == typeof(string) ? ValueKind.Text
                : target == typeof(int) || target == typeof(bool) || target == typeof(DateTimeOffset) ? ValueKind.Scalar
                : target.IsGenericType && target.GetGenericTypeDefinition() == typeof(List<>) ? ValueKind.List
                : target == typeof(Dictionary<string, string>) ? ValueKind.Names
                : target.IsClass ? ValueKind.Object
                : ValueKind.Unsupported;
            shape = new ValueShape(kind, target, underlying is not null, kind == ValueKind.List ? target.GetGenericArguments()[0] : null);
            _valueShapes[type] = shape;
        }

        return shape;
    }

    /// <summary>Reads the node at the current event (and steps past it) as a <paramref name="type"/>.</summary>
    private bool ReadValue(Type type, bool nullable, out object? value)
    {
        value = null;
        var shape = ValueShapeOf(type);
        if ((nullable || shape.NullableValue) && IsNullScalar(_events.Current!))
        {
            _events.MoveNext();
            return true;
        }

        switch (shape.Kind)
        {
            case ValueKind.Text:
                if (!_events.TryConsume<Scalar>(out var scalar))
                {
                    Reject("expected a text value");
                    return false;
                }

                value = scalar.Value;
                return true;
            case ValueKind.Scalar:
                return ReadScalar(shape.Type, out value);
            case ValueKind.List:
                return ReadList(shape.Type, shape.Item!, out value);
            case ValueKind.Names:
                return ReadDictionary(out value);
            case ValueKind.Object:
                value = ReadObject(shape.Type);
                return value is not null;
            default:
                Reject($"unsupported field type {shape.Type.Name}");
                return false;
        }
    }

    private bool ReadScalar(Type type, out object? value)
    {
        value = null;
        if (!_events.TryConsume<Scalar>(out var node))
        {
            Reject($"expected a {Describe(type)}");
            return false;
        }

        var text = node.Value;
        if (type == typeof(int) && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            value = number;
        }
        else if (type == typeof(bool) && bool.TryParse(text, out var flag))
        {
            value = flag;
        }
        else if (type == typeof(DateTimeOffset)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            value = time;
        }
        else
        {
            AddError(node, $"'{text}' is not a {Describe(type)}");
            return false;
        }

        return true;
    }

    private static string Describe(Type type) =>
        type == typeof(int) ? "whole number" : type == typeof(bool) ? "boolean (true or false)" : "date-time (e.g. 2024-01-31T00:00:00Z)";

    private bool ReadList(Type type, Type itemType, out object? value)
    {
        value = null;
        if (!_events.TryConsume<SequenceStart>(out _))
        {
            Reject("expected a list");
            return false;
        }

        var list = (System.Collections.IList)Activator.CreateInstance(type)!;
        var i = 0;
        while (!_events.TryConsume<SequenceEnd>(out _))
        {
            Enter(null, i, _events.Current!);
            if (ReadValue(itemType, nullable: false, out var itemValue) && itemValue is not null)
            {
                list.Add(itemValue);
            }

            Leave();
            i++;
        }

        value = list;
        return true;
    }

    private bool ReadDictionary(out object? value)
    {
        value = null;
        if (!_events.TryConsume<MappingStart>(out _))
        {
            Reject("expected a mapping of names to text values");
            return false;
        }

        var dictionary = new Dictionary<string, string>(StringComparer.Ordinal);
        while (!_events.TryConsume<MappingEnd>(out _))
        {
            string? key = null;
            if (_events.TryConsume<Scalar>(out var keyNode))
            {
                key = keyNode.Value;
            }
            else
            {
                _events.SkipThisAndNestedEvents();
            }

            Enter(key ?? "?", 0, _events.Current!);
            if (key is null || !_events.Accept<Scalar>(out var valueNode))
            {
                Reject("expected a text value");
            }
            else
            {
                dictionary[key] = valueNode.Value;
                _events.MoveNext();
            }

            Leave();
        }

        value = dictionary;
        return true;
    }

    private enum ValueKind
    {
        Text,
        Scalar,
        List,
        Names,
        Object,
        Unsupported,
    }

    /// <param name="Kind">How the value is read.</param>
    /// <param name="Type">The type read (a nullable value type's underlying type).</param>
    /// <param name="NullableValue">Whether the field is a nullable value type (so a null scalar is null).</param>
    /// <param name="Item">A list's item type.</param>
    private readonly record struct ValueShape(ValueKind Kind, Type Type, bool NullableValue, Type? Item);
}
