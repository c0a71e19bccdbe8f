using System.Collections;
using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Chokepoint.Simulation.World;

/// <summary>
/// Writes a <see cref="World"/> as a world file that <see cref="WorldLoader"/> reads back to an equal world.
/// Fields equal to their defaults are left out; lists of plain values are written in flow style (<c>[a, b]</c>),
/// multi-line text as literal blocks.
/// </summary>
public static class WorldWriter
{
    /// <summary>Writes <paramref name="world"/> to <paramref name="output"/> as YAML.</summary>
    public static void Write(World world, TextWriter output) => Write(world, output, CancellationToken.None);

    /// <summary>
    /// Writes <paramref name="world"/> to <paramref name="output"/> as YAML, as it goes (nothing is built in memory
    /// first), stopping with <see cref="OperationCanceledException"/> soon after <paramref name="cancellationToken"/>
    /// is cancelled (it is checked at every item of a list).
    /// </summary>
    public static void Write(World world, TextWriter output, CancellationToken cancellationToken)
    {
        var emitter = new Emitter(output, new EmitterSettings(bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        WriteObject(emitter, world, cancellationToken);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
    }

    /// <summary>The world as YAML text.</summary>
    public static string ToYaml(World world)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(world, writer);
        return writer.ToString();
    }

    private static void WriteObject(IEmitter emitter, object instance, CancellationToken cancellationToken)
    {
        var defaults = Activator.CreateInstance(instance.GetType())!;
        emitter.Emit(new MappingStart());
        foreach (var property in WorldYamlReader.PropertiesOf(instance.GetType()))
        {
            var value = property.GetValue(instance);
            if (value is null || IsDefault(value, property.GetValue(defaults)))
            {
                continue;
            }

            Plain(emitter, WorldYamlReader.KeyOf(property.Name));
            WriteValue(emitter, value, cancellationToken);
        }

        emitter.Emit(new MappingEnd());
    }

    private static void WriteValue(IEmitter emitter, object value, CancellationToken cancellationToken)
    {
        switch (value)
        {
            case string text:
                Text(emitter, text);
                break;
            case int number:
                Plain(emitter, number.ToString(CultureInfo.InvariantCulture));
                break;
            case bool flag:
                Plain(emitter, flag ? "true" : "false");
                break;
            case DateTimeOffset time:
                Plain(emitter, FormatTime(time));
                break;
            case Dictionary<string, string> dictionary:
                emitter.Emit(new MappingStart());
                foreach (var (key, text) in dictionary)
                {
                    Text(emitter, key);
                    Text(emitter, text);
                }

                emitter.Emit(new MappingEnd());
                break;
            case IList list:
                var flow = list.Count > 0 && list.Cast<object>().All(i => i is string s && !s.Contains('\n', StringComparison.Ordinal));
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, flow ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in list)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    WriteValue(emitter, item, cancellationToken);
                }

                emitter.Emit(new SequenceEnd());
                break;
            default:
                WriteObject(emitter, value, cancellationToken);
                break;
        }
    }

    private static string FormatTime(DateTimeOffset time)
    {
        if (time.Offset == TimeSpan.Zero && time.Ticks % TimeSpan.TicksPerSecond == 0)
        {
            return time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }

        return time.ToString("O", CultureInfo.InvariantCulture);
    }

    private static void Plain(IEmitter emitter, string text) =>
        emitter.Emit(new Scalar(null, null, text, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));

    private static void Text(IEmitter emitter, string text)
    {
        // Text that would read back as null must be quoted; multi-line text reads best as a literal block.
        var style = text is "" or "~" or "null" or "Null" or "NULL" ? ScalarStyle.DoubleQuoted
            : text.Contains('\n', StringComparison.Ordinal) && IsLiteralSafe(text) ? ScalarStyle.Literal
            : ScalarStyle.Any;
        emitter.Emit(new Scalar(null, null, text, style, isPlainImplicit: true, isQuotedImplicit: true));
    }

    /// <summary>Literal blocks cannot carry trailing spaces on a line, tabs, or carriage returns faithfully.</summary>
    private static bool IsLiteralSafe(string text) =>
        !text.Contains('\r', StringComparison.Ordinal) && !text.Contains('\t', StringComparison.Ordinal)
        && !text.Split('\n').Any(line => line.EndsWith(' '));

    private static bool IsDefault(object value, object? fallback) => (value, fallback) switch
    {
        (IList list, IList other) => list.Count == other.Count && list.Cast<object>().SequenceEqual(other.Cast<object>()),
        (IDictionary dictionary, IDictionary other) => dictionary.Count == 0 && other.Count == 0,
        (_, null) => false,
        _ => value.GetType().IsValueType || value is string ? value.Equals(fallback) : false,
    };
}
