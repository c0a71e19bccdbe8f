using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Chokepoint.Simulation.World;

/// <summary>
/// The events of a YAML text as a node tree loader would see them, without building the tree: aliases are
/// replaced by the events of the node their anchor names (with that node's marks), and a key repeated in one
/// mapping is a <see cref="YamlException"/> once its value has been read. Anchors are per document, as in YAML
/// (https://yaml.org/spec/1.2.2/#71-alias-nodes); an alias must come after its anchor and outside its node.
/// </summary>
internal sealed class WorldYamlEvents : IParser
{
    /// <summary>
    /// Events that aliases may add to a document beyond those written in it: a fixed allowance, plus
    /// <see cref="ReplayedPerParsedEvent"/> for each event of the text. Nested aliases ("billion laughs") expand
    /// exponentially, so a few hundred bytes would otherwise fill the memory; ordinary reuse stays far below this.
    /// </summary>
    public const long ReplayAllowance = 1_000_000;

    /// <summary>Events aliases may add for each event read from the text, on top of <see cref="ReplayAllowance"/>.</summary>
    public const long ReplayedPerParsedEvent = 10;

    private readonly IParser _parser;

    /// <summary>Events read from the text in the current document.</summary>
    private long _parsedEvents;

    /// <summary>Events replayed for aliases in the current document.</summary>
    private long _replayedEvents;

    /// <summary>Completed anchored nodes of the current document: name to the node's (alias-free) events.</summary>
    private readonly Dictionary<string, List<ParsingEvent>> _anchors = new(StringComparer.Ordinal);

    /// <summary>Anchored nodes being read: their events so far and how deep inside them the stream is.</summary>
    private readonly List<(string Name, List<ParsingEvent> Events, int Depth)> _recording = [];

    /// <summary>Aliased nodes being replayed (innermost last).</summary>
    private readonly Stack<(List<ParsingEvent> Events, int Next)> _replays = new();

    /// <summary>Open collections; mappings check their keys.</summary>
    private readonly List<Frame> _frames = [];

    /// <summary>Key sets reused by depth (most mappings are small; a set per mapping would be garbage).</summary>
    private readonly List<HashSet<string>> _keySets = [];

    /// <summary>The first alias of the document without an anchor before it; reported at the document's end.</summary>
    private AnchorAlias? _unresolved;

    /// <summary>
    /// A problem found at the event before <see cref="Current"/>, thrown once the next event has been read: a tree
    /// loader reads one event ahead, so a syntax error there comes first.
    /// </summary>
    private YamlException? _deferred;

    /// <summary>The latest stand-in for an unresolved alias.</summary>
    private Scalar? _standIn;

    public WorldYamlEvents(IParser parser)
    {
        _parser = parser;
    }

    /// <inheritdoc />
    public ParsingEvent? Current { get; private set; }

    /// <summary>The last event the underlying parser produced (replays do not move it).</summary>
    public ParsingEvent? ParserCurrent { get; private set; }

    /// <inheritdoc />
    public bool MoveNext()
    {
        if (!TryNext(out var next, out var replayed))
        {
            Current = null;
            return false;
        }

        if (_deferred is { } problem)
        {
            throw problem;
        }

        if (!replayed && next is NodeEvent { Anchor.IsEmpty: false } anchored)
        {
            _recording.Add((anchored.Anchor.Value, [], 0));
        }

        Record(next);
        Track(next);
        if (next is DocumentStart)
        {
            _anchors.Clear();
            _unresolved = null;
            _parsedEvents = 0;
            _replayedEvents = 0;
        }
        else if (next is DocumentEnd && _unresolved is { } alias)
        {
            var name = alias.Value.Value;
            _deferred = new YamlException(alias.Start, alias.End, _anchors.ContainsKey(name)
                ? $"alias *{name} comes before its anchor &{name}; define the anchor first"
                : $"The anchor '{name}' does not exists");
        }

        Current = next;
        return true;
    }

    private bool TryNext(out ParsingEvent next, out bool replayed)
    {
        while (_replays.Count > 0)
        {
            var (events, index) = _replays.Pop();
            if (index < events.Count)
            {
                _replays.Push((events, index + 1));
                next = events[index];
                replayed = true;
                CountReplayed(next);
                return true;
            }
        }

        replayed = false;
        if (!_parser.MoveNext())
        {
            next = null!;
            return false;
        }

        next = _parser.Current!;
        ParserCurrent = next;
        _parsedEvents++;
        if (next is not AnchorAlias alias)
        {
            return true;
        }

        var name = alias.Value.Value;
        if (_recording.Exists(r => r.Name == name))
        {
            throw new YamlException(alias.Start, alias.End, $"alias *{name} refers to a node that contains it");
        }

        if (_anchors.TryGetValue(name, out var target))
        {
            _replays.Push((target, 1));
            next = target[0];
            replayed = true;
            CountReplayed(next);
            return true;
        }

        // Stands in for the alias until the document ends, when the alias is reported.
        _unresolved ??= alias;
        next = _standIn = new Scalar(AnchorName.Empty, TagName.Empty, "", ScalarStyle.Plain, true, false, alias.Start, alias.End);
        return true;
    }

    /// <summary>Counts an event an alias added; past the bound the document is refused (see <see cref="ReplayAllowance"/>).</summary>
    private void CountReplayed(ParsingEvent next)
    {
        _replayedEvents++;
        if (_replayedEvents > ReplayAllowance + (ReplayedPerParsedEvent * _parsedEvents))
        {
            _replays.Clear();
            _recording.Clear();
            _anchors.Clear();
            var at = ParserCurrent ?? next;
            throw new YamlException(at.Start, at.End, string.Create(
                CultureInfo.InvariantCulture,
                $"aliases expand to more than {ReplayAllowance:N0} nodes plus {ReplayedPerParsedEvent} per node written (nested aliases, a \"billion laughs\"?); refused"));
        }
    }

    private void Record(ParsingEvent next)
    {
        for (var i = _recording.Count - 1; i >= 0; i--)
        {
            var (name, events, depth) = _recording[i];
            events.Add(next);
            depth += next.NestingIncrease;
            if (depth == 0)
            {
                _anchors[name] = events;
                _recording.RemoveAt(i);
            }
            else
            {
                _recording[i] = (name, events, depth);
            }
        }
    }

    private void Track(ParsingEvent next)
    {
        switch (next)
        {
            case MappingStart or SequenceStart:
                var mapping = next is MappingStart;
                if (mapping)
                {
                    while (_keySets.Count <= _frames.Count)
                    {
                        _keySets.Add(new HashSet<string>(StringComparer.Ordinal));
                    }

                    _keySets[_frames.Count].Clear();
                }

                _frames.Add(new Frame { IsMapping = mapping, ExpectingKey = true });
                break;
            case MappingEnd or SequenceEnd:
                if (_frames.Count > 0)
                {
                    _frames.RemoveAt(_frames.Count - 1);
                }

                NodeRead(null);
                break;
            case Scalar scalar:
                NodeRead(scalar);
                break;
            case DocumentStart or DocumentEnd:
                _frames.Clear();
                break;
            default:
                break;
        }
    }

    /// <summary>A whole node was read inside the innermost collection (as a key or value if it is a mapping).</summary>
    private void NodeRead(Scalar? scalar)
    {
        if (_frames.Count == 0 || !_frames[^1].IsMapping)
        {
            return;
        }

        var frame = _frames[^1];
        if (frame.ExpectingKey)
        {
            // Keys that are collections, or stand-ins for unresolved aliases, are not compared.
            if (scalar is not null && !ReferenceEquals(scalar, _standIn)
                && !_keySets[_frames.Count - 1].Add(KeyText(scalar)))
            {
                frame.Duplicate = scalar;
            }

            frame.ExpectingKey = false;
        }
        else
        {
            if (frame.Duplicate is { } key)
            {
                _deferred = new YamlException(key.Start, key.End, string.Create(CultureInfo.InvariantCulture, $"Duplicate key {key.Value}"));
            }

            frame.ExpectingKey = true;
        }

        _frames[^1] = frame;
    }

    private static string KeyText(Scalar scalar) => scalar.Tag.IsEmpty ? scalar.Value : $"{scalar.Tag.Value}\n{scalar.Value}";

    private struct Frame
    {
        public bool IsMapping;
        public bool ExpectingKey;
        public Scalar? Duplicate;
    }
}
