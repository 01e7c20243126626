using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CiExercise.Scenarios.Yaml;

/// <summary>
/// Reads one YAML document into a YamlNode tree from the low-level parser's events. Working on events
/// (not a deserializer) is what lets us refuse aliases unexpanded, stop at the depth limit before the
/// rest of the file is scanned, and keep the exact position of every key and value.
/// </summary>
internal sealed partial class YamlTreeReader
{
    private SourcePosition _last = SourcePosition.FileStart;

    public static YamlNode? Read(string text, DiagnosticBag diagnostics) => new YamlTreeReader().ReadDocument(text, diagnostics);

    private YamlNode? ReadDocument(string text, DiagnosticBag diagnostics)
    {
        var parser = new Parser(new StringReader(text));
        try
        {
            Expect<StreamStart>(parser);
            if (Next(parser) is StreamEnd end)
            {
                diagnostics.Error(At(end.Start), DiagnosticCodes.NotOneDocument, "file is empty; expected a scenario mapping");
                return null;
            }

            Expect<DocumentStart>(parser, advance: false);
            var root = ReadNode(parser, Next(parser), 1, diagnostics);
            if (root is null)
            {
                return null;
            }

            Expect<DocumentEnd>(parser);
            var after = Next(parser);
            if (after is not StreamEnd)
            {
                diagnostics.Error(At(after.Start), DiagnosticCodes.NotOneDocument,
                    "a scenario file holds exactly one YAML document; remove the second '---' document");
            }

            return root;
        }
        catch (YamlException ex)
        {
            diagnostics.Error(At(ex.Start), DiagnosticCodes.YamlSyntax, $"YAML syntax error: {Describe(ex)}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (without a position) on some malformed input, such as an
            // unclosed flow collection at the end of the file; the last good event is the best position.
            diagnostics.Error(_last, DiagnosticCodes.YamlSyntax, "YAML syntax error: the file ends or breaks off inside a value after this point (an unclosed '[', '{' or quote?)");
            return null;
        }
    }

    private YamlNode? ReadNode(IParser parser, ParsingEvent current, int depth, DiagnosticBag diagnostics)
    {
        if (depth > ScenarioLimits.MaxDepth)
        {
            diagnostics.Error(At(current.Start), DiagnosticCodes.TooDeep,
                $"nesting is deeper than {ScenarioLimits.MaxDepth} levels; a scenario never needs that");
            return null;
        }

        switch (current)
        {
            case Scalar scalar:
                return new YamlScalar(At(scalar.Start), scalar.Value, scalar.Style == ScalarStyle.Plain);
            case AnchorAlias alias:
                diagnostics.Error(At(alias.Start), DiagnosticCodes.AliasRefused,
                    $"alias '*{alias.Value}' is not allowed in scenario files; write the value out");
                return new YamlInvalid(At(alias.Start));
            case SequenceStart start:
                return ReadSequence(parser, start, depth, diagnostics);
            case MappingStart start:
                return ReadMapping(parser, start, depth, diagnostics);
            default:
                throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}");
        }
    }

    private YamlSequence? ReadSequence(IParser parser, SequenceStart start, int depth, DiagnosticBag diagnostics)
    {
        var items = new List<YamlNode>();
        for (var current = Next(parser); current is not SequenceEnd; current = Next(parser))
        {
            var item = ReadNode(parser, current, depth + 1, diagnostics);
            if (item is null)
            {
                return null;
            }

            items.Add(item);
        }

        return new YamlSequence(At(start.Start), items);
    }

    private YamlMapping? ReadMapping(IParser parser, MappingStart start, int depth, DiagnosticBag diagnostics)
    {
        var entries = new List<YamlEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = Next(parser); current is not MappingEnd; current = Next(parser))
        {
            var key = ReadNode(parser, current, depth + 1, diagnostics);
            if (key is null)
            {
                return null;
            }

            var value = ReadNode(parser, Next(parser), depth + 1, diagnostics);
            if (value is null)
            {
                return null;
            }

            if (key is not YamlScalar name)
            {
                if (key is not YamlInvalid)
                {
                    diagnostics.Error(key.Start, DiagnosticCodes.WrongType, $"a key must be a plain name, not {key.Kind}");
                }
            }
            else if (!seen.Add(name.Value))
            {
                diagnostics.Error(name.Start, DiagnosticCodes.DuplicateKey, $"key '{name.Value}' appears twice in the same mapping");
            }
            else
            {
                entries.Add(new YamlEntry(name, value));
            }
        }

        return new YamlMapping(At(start.Start), entries);
    }

    private ParsingEvent Next(IParser parser)
    {
        if (!parser.MoveNext())
        {
            throw new YamlException(Mark.Empty, Mark.Empty, "the YAML stream ended unexpectedly");
        }

        _last = At(parser.Current!.End);
        return parser.Current;
    }

    private void Expect<T>(IParser parser, bool advance = true) where T : ParsingEvent
    {
        var current = advance ? Next(parser) : parser.Current!;
        if (current is not T)
        {
            throw new YamlException(current.Start, current.End, $"expected {typeof(T).Name}, found {current.GetType().Name}");
        }
    }

    // YamlDotNet's marks are 1-based already (verified by the parser tests).
    private static SourcePosition At(Mark mark) => new((int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    private static string Describe(YamlException ex) => PositionPrefix().Replace(ex.Message, "");

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex PositionPrefix();
}
