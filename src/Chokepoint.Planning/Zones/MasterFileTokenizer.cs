using System.Text;

namespace Chokepoint.Planning.Zones;

/// <summary>
/// Splits master-file text into entries of tokens: comments (<c>;</c>) dropped, parentheses join lines,
/// quoted strings kept as one token, escapes kept raw for the parser to decode.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1035#section-5.1">RFC 1035 section 5.1</seealso>
internal static class MasterFileTokenizer
{
    public readonly record struct Token(string Raw, bool Quoted);

    public sealed record Entry(int Line, bool StartsWithBlank, IReadOnlyList<Token> Tokens, string? Error);

    public static IReadOnlyList<Entry> Tokenize(string text)
    {
        var entries = new List<Entry>();
        var tokens = new List<Token>();
        var current = new StringBuilder();
        var depth = 0;
        var line = 1;
        var entryLine = 1;
        var startsWithBlank = false;
        var atEntryStart = true;
        string? error = null;

        void EndToken()
        {
            if (current.Length > 0)
            {
                tokens.Add(new Token(current.ToString(), false));
                current.Clear();
            }
        }

        void EndEntry()
        {
            EndToken();
            if (tokens.Count > 0 || error is not null)
            {
                entries.Add(new Entry(entryLine, startsWithBlank, tokens.ToList(), error));
            }

            tokens.Clear();
            error = null;
            atEntryStart = true;
        }

        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (atEntryStart)
            {
                atEntryStart = false;
                entryLine = line;
                startsWithBlank = c is ' ' or '\t';
            }

            switch (c)
            {
                case '\r':
                    i++;
                    break;
                case '\n':
                    line++;
                    i++;
                    if (depth == 0)
                    {
                        EndEntry();
                    }
                    else
                    {
                        EndToken();
                    }

                    break;
                case ' ' or '\t':
                    EndToken();
                    i++;
                    break;
                case ';':
                    EndToken();
                    while (i < text.Length && text[i] != '\n')
                    {
                        i++;
                    }

                    break;
                case '(':
                    EndToken();
                    depth++;
                    i++;
                    break;
                case ')':
                    EndToken();
                    if (depth == 0)
                    {
                        error ??= "unbalanced ')'";
                    }
                    else
                    {
                        depth--;
                    }

                    i++;
                    break;
                case '"':
                {
                    EndToken();
                    var quoted = new StringBuilder();
                    i++;
                    var closed = false;
                    while (i < text.Length)
                    {
                        if (text[i] == '\\' && i + 1 < text.Length)
                        {
                            quoted.Append(text[i]).Append(text[i + 1]);
                            i += 2;
                            continue;
                        }

                        if (text[i] == '"')
                        {
                            closed = true;
                            i++;
                            break;
                        }

                        if (text[i] == '\n')
                        {
                            break;
                        }

                        quoted.Append(text[i]);
                        i++;
                    }

                    if (!closed)
                    {
                        error ??= "unterminated quoted string";
                    }

                    tokens.Add(new Token(quoted.ToString(), true));
                    break;
                }

                case '\\' when i + 1 < text.Length:
                    current.Append(c).Append(text[i + 1]);
                    i += 2;
                    break;
                default:
                    current.Append(c);
                    i++;
                    break;
            }
        }

        if (depth > 0)
        {
            error ??= "unbalanced '(' at end of file";
        }

        EndEntry();
        return entries;
    }
}
