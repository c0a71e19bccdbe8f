using System.Globalization;
using System.Reflection;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Chokepoint.Simulation.World;

/// <summary>
/// Maps a YAML node tree onto the world classes by property name (camelCase keys), remembering where each
/// field path starts in the text so that later validation errors can name a line. Unknown keys, wrong
/// shapes and unparseable scalars are collected as errors rather than thrown.
/// </summary>
internal sealed class WorldYamlReader
{
    private readonly string _source;
    private readonly NullabilityInfoContext _nullability = new();

    /// <summary>Each world class's keys, properties and nullability, worked out once per read (reflection is slow).</summary>
    private readonly Dictionary<Type, Dictionary<string, (PropertyInfo Property, bool Nullable)>> _shapes = [];

    private WorldYamlReader(string source)
    {
        _source = source;
    }

    /// <summary>Field path to the position of its value node.</summary>
    public Dictionary<string, Mark> Marks { get; } = new(StringComparer.Ordinal);

    public List<WorldError> Errors { get; } = [];

    /// <summary>Reads <paramref name="yaml"/>; the world is null when the text is not a single YAML mapping.</summary>
    public static (World? World, WorldYamlReader Reader) Read(string yaml, string source)
    {
        var reader = new WorldYamlReader(source);
        var stream = new YamlStream();
        using var text = new StringReader(yaml);
        var parser = new Parser(text);
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            reader.Errors.Add(new WorldError(source, (int)e.Start.Line, (int)e.Start.Column, "", StripLocation(e.Message)));
            return (null, reader);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this on some malformed input; report it after the last event read.
            var mark = parser.Current?.End ?? Mark.Empty;
            reader.Errors.Add(new WorldError(source, (int)mark.Line, (int)mark.Column, "", "malformed YAML after this point"));
            return (null, reader);
        }

        if (stream.Documents.Count != 1)
        {
            reader.Errors.Add(new WorldError(source, 1, 1, "", $"expected one YAML document, found {stream.Documents.Count}"));
            return (null, reader);
        }

        var root = stream.Documents[0].RootNode;
        if (root is not YamlMappingNode)
        {
            reader.AddError(root, "", "the document must be a mapping (version, name, companies, ...)");
            return (null, reader);
        }

        var world = (World?)reader.ReadObject(root, typeof(World), "");
        return (world, reader);
    }

    /// <summary>The camelCase YAML key of a property name.</summary>
    public static string KeyOf(string propertyName) => char.ToLowerInvariant(propertyName[0]) + propertyName[1..];

    /// <summary>The settable public properties of a world class, in declaration order.</summary>
    public static PropertyInfo[] PropertiesOf(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).OrderBy(p => p.MetadataToken)];

    private static string StripLocation(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the location is reported separately.
        var index = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith('(') && index >= 0 ? message[(index + 3)..] : message;
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static bool IsNullScalar(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar
        && (scalar.Value is null or "" or "~" or "null" or "Null" or "NULL");

    private void AddError(YamlNode node, string path, string message) =>
        Errors.Add(new WorldError(_source, (int)node.Start.Line, (int)node.Start.Column, path, message));

    private object? ReadObject(YamlNode node, Type type, string path)
    {
        if (node is not YamlMappingNode mapping)
        {
            AddError(node, path, $"expected a mapping ({type.Name})");
            return null;
        }

        var instance = Activator.CreateInstance(type)!;
        var properties = ShapeOf(type);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                AddError(keyNode, path, "keys must be plain names");
                continue;
            }

            var fieldPath = Join(path, key);
            if (!properties.TryGetValue(key, out var shape))
            {
                AddError(keyNode, fieldPath, $"unknown key '{key}' in {type.Name}; expected one of: {string.Join(", ", properties.Keys)}");
                continue;
            }

            Marks[fieldPath] = valueNode.Start;
            var (property, nullable) = shape;
            if (ReadValue(valueNode, property.PropertyType, fieldPath, nullable, out var value))
            {
                property.SetValue(instance, value);
            }
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

    private bool ReadValue(YamlNode node, Type type, string path, bool nullable, out object? value)
    {
        value = null;
        var underlying = Nullable.GetUnderlyingType(type);
        if (IsNullScalar(node) && (nullable || underlying is not null))
        {
            return true;
        }

        type = underlying ?? type;
        if (type == typeof(string))
        {
            if (node is not YamlScalarNode scalar)
            {
                AddError(node, path, "expected a text value");
                return false;
            }

            value = scalar.Value ?? "";
            return true;
        }

        if (type == typeof(int) || type == typeof(bool) || type == typeof(DateTimeOffset))
        {
            return ReadScalar(node, type, path, out value);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            return ReadList(node, type, path, out value);
        }

        if (type == typeof(Dictionary<string, string>))
        {
            return ReadDictionary(node, path, out value);
        }

        if (type.IsClass)
        {
            value = ReadObject(node, type, path);
            return value is not null;
        }

        AddError(node, path, $"unsupported field type {type.Name}");
        return false;
    }

    private bool ReadScalar(YamlNode node, Type type, string path, out object? value)
    {
        value = null;
        var text = (node as YamlScalarNode)?.Value;
        if (text is null)
        {
            AddError(node, path, $"expected a {Describe(type)}");
            return false;
        }

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
            AddError(node, path, $"'{text}' is not a {Describe(type)}");
            return false;
        }

        return true;
    }

    private static string Describe(Type type) =>
        type == typeof(int) ? "whole number" : type == typeof(bool) ? "boolean (true or false)" : "date-time (e.g. 2024-01-31T00:00:00Z)";

    private bool ReadList(YamlNode node, Type type, string path, out object? value)
    {
        value = null;
        if (node is not YamlSequenceNode sequence)
        {
            AddError(node, path, "expected a list");
            return false;
        }

        var itemType = type.GetGenericArguments()[0];
        var list = (System.Collections.IList)Activator.CreateInstance(type)!;
        var i = 0;
        foreach (var item in sequence.Children)
        {
            var itemPath = $"{path}[{i}]";
            Marks[itemPath] = item.Start;
            if (ReadValue(item, itemType, itemPath, nullable: false, out var itemValue) && itemValue is not null)
            {
                list.Add(itemValue);
            }

            i++;
        }

        value = list;
        return true;
    }

    private bool ReadDictionary(YamlNode node, string path, out object? value)
    {
        value = null;
        if (node is not YamlMappingNode mapping)
        {
            AddError(node, path, "expected a mapping of names to text values");
            return false;
        }

        var dictionary = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            var itemPath = Join(path, key ?? "?");
            Marks[itemPath] = valueNode.Start;
            if (key is null || valueNode is not YamlScalarNode { Value: { } text })
            {
                AddError(valueNode, itemPath, "expected a text value");
                continue;
            }

            dictionary[key] = text;
        }

        value = dictionary;
        return true;
    }
}
