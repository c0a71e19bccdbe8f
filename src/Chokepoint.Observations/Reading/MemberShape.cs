using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Chokepoint.Observations.Reading;

/// <summary>What kind of JSON value a member of the observations format holds.</summary>
internal enum ShapeKind
{
    Object,
    List,
    Map,
    String,
    Int32,
    Int64,
    Boolean,
    Time,
    Enum,
}

/// <summary>
/// The expected shape of one JSON value, taken from the serializer's own contract for the observations types, so the
/// streaming check (<see cref="ShapeScanner"/>) and the deserializer can never disagree about what a member holds.
/// </summary>
internal sealed class MemberShape
{
    private MemberShape(ShapeKind kind, string expected)
    {
        Kind = kind;
        Expected = expected;
    }

    public ShapeKind Kind { get; }

    /// <summary>In words, for "null where {Expected} is expected".</summary>
    public string Expected { get; }

    /// <summary>A value type wrapped in <see cref="Nullable{T}"/>: null is allowed.</summary>
    public bool AllowsNull { get; private set; }

    /// <summary>The element of a list, or the value of a map.</summary>
    public MemberShape? Element { get; private set; }

    /// <summary>The members of an object, by name, matched without regard to case as the deserializer matches them.</summary>
    public IReadOnlyDictionary<string, ShapeMember> Members { get; private set; } = new Dictionary<string, ShapeMember>();

    /// <summary>The members an object must have.</summary>
    public IReadOnlyList<ShapeMember> Required { get; private set; } = [];

    /// <summary>The names an enum is written as.</summary>
    public IReadOnlySet<string> EnumNames { get; private set; } = new HashSet<string>();

    /// <summary>The shapes of <paramref name="root"/> and everything it holds, read from <paramref name="options"/>' contract.</summary>
    public static MemberShape Of(Type root, JsonSerializerOptions options) => new Builder(options).Build(root);

    private sealed class Builder(JsonSerializerOptions options)
    {
        private readonly Dictionary<Type, MemberShape> _built = [];

        public MemberShape Build(Type type)
        {
            if (_built.TryGetValue(type, out var done))
            {
                return done;
            }

            if (Nullable.GetUnderlyingType(type) is { } underlying)
            {
                var inner = Build(underlying);
                var nullable = new MemberShape(inner.Kind, inner.Expected) { AllowsNull = true, EnumNames = inner.EnumNames };
                _built[type] = nullable;
                return nullable;
            }

            var shape = Primitive(type);
            if (shape is not null)
            {
                _built[type] = shape;
                return shape;
            }

            var info = options.GetTypeInfo(type);
            switch (info.Kind)
            {
                case JsonTypeInfoKind.Enumerable:
                    shape = new MemberShape(ShapeKind.List, "a list");
                    _built[type] = shape;
                    shape.Element = Build(info.ElementType!);
                    return shape;
                case JsonTypeInfoKind.Dictionary when info.KeyType == typeof(string):
                    shape = new MemberShape(ShapeKind.Map, "an object");
                    _built[type] = shape;
                    shape.Element = Build(info.ElementType!);
                    return shape;
                case JsonTypeInfoKind.Object:
                    shape = new MemberShape(ShapeKind.Object, "an object");
                    _built[type] = shape;
                    var members = new Dictionary<string, ShapeMember>(StringComparer.OrdinalIgnoreCase);
                    var index = 0;
                    foreach (var property in info.Properties)
                    {
                        var parameter = property.AssociatedParameter;
                        var allowsNull = property.IsSetNullable && (parameter?.IsNullable ?? true);
                        var required = property.IsRequired || (parameter is { HasDefaultValue: false } && !allowsNull);
                        members[property.Name] = new ShapeMember(property.Name, index++, Build(property.PropertyType), allowsNull, required);
                    }

                    if (index > 64)
                    {
                        throw new InvalidOperationException($"{type.Name} has more than 64 members; the shape check tracks them in one word");
                    }

                    shape.Members = members;
                    shape.Required = [.. members.Values.Where(m => m.Required).OrderBy(m => m.Index)];
                    return shape;
                default:
                    throw new InvalidOperationException($"{type.Name} has no shape in the observations format");
            }
        }

        private static MemberShape? Primitive(Type type)
        {
            if (type == typeof(string))
            {
                return new MemberShape(ShapeKind.String, "a string");
            }

            if (type == typeof(int))
            {
                return new MemberShape(ShapeKind.Int32, "an integer");
            }

            if (type == typeof(long))
            {
                return new MemberShape(ShapeKind.Int64, "an integer");
            }

            if (type == typeof(bool))
            {
                return new MemberShape(ShapeKind.Boolean, "true or false");
            }

            if (type == typeof(DateTimeOffset))
            {
                return new MemberShape(ShapeKind.Time, "a time (ISO 8601 with offset)");
            }

            if (type.IsEnum)
            {
                // Written by the options' string enum converter, whose naming is the one the writer uses.
                var names = Enum.GetNames(type).Select(name => JsonNamingPolicy.KebabCaseLower.ConvertName(name)).ToHashSet(StringComparer.Ordinal);
                return new MemberShape(ShapeKind.Enum, "one of " + string.Join(", ", names.Order(StringComparer.Ordinal))) { EnumNames = names };
            }

            return null;
        }
    }
}

/// <summary>One member of an object shape.</summary>
/// <param name="Name">Its name as written.</param>
/// <param name="Index">Its place among the object's members (for the seen-members word).</param>
/// <param name="Shape">What it holds.</param>
/// <param name="AllowsNull">Whether null is allowed (a nullable annotation).</param>
/// <param name="Required">Whether the object must have it.</param>
internal sealed record ShapeMember(string Name, int Index, MemberShape Shape, bool AllowsNull, bool Required);
