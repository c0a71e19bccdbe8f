using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Chokepoint.Cli.Commands;

/// <summary>
/// What a JSON file that should hold one observations object holds instead: a list (the JSON <c>demo --format json</c>
/// and <c>audit --format json</c> of several sites write) or several values one after another (JSON Lines), and of
/// what: reports, observations or other objects. Read in one forward pass, holding no more than the largest token.
/// </summary>
internal static class JsonValuesShape
{
    private const int InitialBuffer = 64 * 1024;

    /// <summary>
    /// One line saying what the file is and what the command expects, or null when it is neither a list nor several
    /// values (or not JSON: the observations reader's own message says where).
    /// </summary>
    public static string? Describe(Stream stream)
    {
        var (kind, count, first) = Scan(stream);
        if (kind is null)
        {
            return null;
        }

        var what = first switch
        {
            Content.Reports => count == 1 ? "one Chokepoint report" : "Chokepoint reports",
            Content.Observations => count == 1 ? "one site's observations" : "observations of several sites",
            Content.Objects => count == 1 ? "one object" : "objects",
            _ => "values that are not objects",
        };
        var many = string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? "value" : "values")}");
        var shape = kind == Kind.List
            ? count == 0 ? "an empty JSON list" : $"a JSON list of {many} ({what})"
            : $"{many} one after another, JSON Lines ({what})";
        var hint = first == Content.Reports
            ? "; a report cannot be read back: save the site's observations with 'chokepoint audit DOMAIN --save-observations FILE'"
            : first == Content.Observations ? "; give each site's observations in a file of its own" : string.Empty;
        return $"this file holds {shape}, not one site's observations: a single JSON object as 'chokepoint audit --save-observations' writes is expected{hint}";
    }

    private enum Kind
    {
        List,
        Lines,
    }

    private enum Content
    {
        None,
        Reports,
        Observations,
        Objects,
    }

    private static (Kind? Kind, int Count, Content First) Scan(Stream stream)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
        try
        {
            var state = new JsonReaderState(new JsonReaderOptions { AllowMultipleValues = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
            var held = 0;
            var ended = false;
            var rootValues = 0;
            var listItems = 0;
            var rootIsList = false;
            var first = Content.None;
            var firstDepth = -1;
            var firstDone = false;
            var depth = 0;
            while (true)
            {
                if (!ended && held < buffer.Length)
                {
                    var read = stream.Read(buffer, held, buffer.Length - held);
                    ended = read == 0;
                    held += read;
                }

                var reader = new Utf8JsonReader(buffer.AsSpan(0, held), ended, state);
                try
                {
                    while (reader.Read())
                    {
                        switch (reader.TokenType)
                        {
                            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                                if (depth == 0)
                                {
                                    rootValues++;
                                    rootIsList = rootValues == 1 && reader.TokenType == JsonTokenType.StartArray;
                                }
                                else if (depth == 1 && rootIsList)
                                {
                                    listItems++;
                                }

                                // The first object that stands for a site: the root (JSON Lines) or the list's first item.
                                if (!firstDone && reader.TokenType == JsonTokenType.StartObject && depth == (rootIsList ? 1 : 0))
                                {
                                    first = Content.Objects;
                                    firstDepth = depth + 1;
                                }
                                else if (!firstDone && depth == (rootIsList ? 1 : 0))
                                {
                                    first = Content.None;
                                    firstDone = true;
                                }

                                depth++;
                                break;
                            case JsonTokenType.EndObject or JsonTokenType.EndArray:
                                depth--;
                                if (firstDepth == depth + 1)
                                {
                                    firstDone = true;
                                    firstDepth = -1;
                                }

                                break;
                            case JsonTokenType.PropertyName when depth == firstDepth && !firstDone:
                                if (reader.ValueTextEquals("reportVersion") || reader.ValueTextEquals("layers"))
                                {
                                    first = Content.Reports;
                                }
                                else if (first == Content.Objects && reader.ValueTextEquals("format"))
                                {
                                    first = Content.Observations;
                                }

                                break;
                            default:
                                if (depth == 0)
                                {
                                    rootValues++;
                                }
                                else if (depth == 1 && rootIsList)
                                {
                                    listItems++;
                                }

                                break;
                        }
                    }
                }
                catch (JsonException)
                {
                    return (null, 0, Content.None);
                }

                if (ended)
                {
                    return rootValues > 1 ? (Kind.Lines, rootValues, first)
                        : rootIsList ? (Kind.List, listItems, first)
                        : (null, 0, Content.None);
                }

                state = reader.CurrentState;
                var consumed = (int)reader.BytesConsumed;
                held -= consumed;
                if (consumed > 0)
                {
                    Buffer.BlockCopy(buffer, consumed, buffer, 0, held);
                }
                else if (held == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(checked(buffer.Length * 2));
                    Buffer.BlockCopy(buffer, 0, larger, 0, held);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
