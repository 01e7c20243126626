using System.Globalization;
using System.Text.RegularExpressions;
using CiExercise.Contracts.Scenarios;
using CiExercise.Scenarios.Reading;
using CiExercise.Scenarios.Yaml;
using CiExercise.Spreadsheets;

namespace CiExercise.Scenarios.Sheets;

/// <summary>
/// Turns the sheets of a spreadsheet MSEL into the YAML tree a scenario file would give, cell by cell, and reads it
/// with the scenario reader: every check of ciex validate applies, and YAML cells are read by the same readers. Each
/// cell's node carries a position of its own (<see cref="CellMap"/>), so that every finding leads back to its cell.
/// Sections the workbook lacks come from the base scenario file's tree, its positions kept.
/// </summary>
internal sealed partial class MselImporter
{
    private readonly string _file;
    private readonly DiagnosticBag _diagnostics;
    private readonly CellMap _map;
    private readonly IReadOnlyDictionary<string, string> _headerMap;

    private MselImporter(string file, int firstLine, IReadOnlyDictionary<string, string> headerMap)
    {
        _file = file;
        _diagnostics = new DiagnosticBag(file);
        _map = new CellMap(firstLine);
        _headerMap = headerMap.ToDictionary(p => ColumnNames.Key(p.Key), p => p.Value, StringComparer.Ordinal);
    }

    /// <param name="headerMap">A planner's own headers (as written) to column keys.</param>
    /// <param name="baseTree">The base scenario file's tree, read from lines before <paramref name="baseLines"/>.</param>
    public static SheetImportResult Import(
        string file, IReadOnlyList<SheetTable> tables, IReadOnlyDictionary<string, string> headerMap, string? basePath, YamlMapping? baseTree, int baseLines)
    {
        var importer = new MselImporter(file, baseLines + 1, headerMap);
        var root = importer.Root(tables, baseTree);
        var (scenario, _) = ScenarioReader.Read(root, importer._diagnostics);
        var diagnostics = importer._diagnostics.Items
            .OrderBy(d => d.Line).ThenBy(d => d.Column)
            .Select(d => importer.Locate(d, basePath))
            .ToArray();
        return new SheetImportResult(diagnostics.Any(d => d.IsError) ? null : scenario, diagnostics);
    }

    private YamlMapping Root(IReadOnlyList<SheetTable> tables, YamlMapping? baseTree)
    {
        var rootAt = _map.Add(new SheetPlace(null));
        var entries = new List<YamlEntry>();
        var given = new HashSet<SheetSection>();
        foreach (var table in tables)
        {
            var section = MselSheets.All.FirstOrDefault(s => new[] { s.Name, s.JaName, s.YamlKey ?? s.Name }.Any(n => ColumnNames.Key(n) == ColumnNames.Key(table.Name)));
            var sheetAt = _map.Add(new SheetPlace(table.Name));
            if (section is null)
            {
                _diagnostics.Warning(sheetAt, DiagnosticCodes.UnknownKey,
                    $"sheet '{table.Name}' is not read; the sheets are: {string.Join(", ", MselSheets.All.Select(s => $"{s.Name} ({s.JaName})"))}");
                continue;
            }

            if (!given.Add(section))
            {
                _diagnostics.Error(sheetAt, DiagnosticCodes.DuplicateKey, $"a second sheet holds the {section.Name} ({section.JaName}); keep one");
                continue;
            }

            entries.AddRange(section.IsTable ? TableEntries(section, table, sheetAt) : KeyValueEntries(section, table, sheetAt));
        }

        foreach (var section in MselSheets.All.Where(s => s == MselSheets.Scenario || s.YamlKey is "organizations" or "injects"))
        {
            if (!given.Contains(section) && baseTree is null)
                _diagnostics.Error(rootAt, DiagnosticCodes.MissingField,
                    $"the workbook has no sheet '{section.Name}' ({section.JaName}); add it, or give a base scenario file (--base) for it");
        }

        // The base file gives every key the workbook does not.
        var keys = entries.Select(e => e.Key.Value).ToHashSet(StringComparer.Ordinal);
        entries.AddRange(baseTree?.Entries.Where(e => !keys.Contains(e.Key.Value)) ?? []);
        return new YamlMapping(rootAt, entries);
    }

    private IEnumerable<YamlEntry> TableEntries(SheetSection section, SheetTable table, SourcePosition sheetAt)
    {
        var key = new YamlScalar(sheetAt, section.YamlKey!, true);
        if (table.Rows.Count <= 1)
        {
            // A sheet with no row below its header: an optional one says nothing, a required one is an empty list, which the reader judges.
            return section.Columns.Any(c => c.Required) && section.YamlKey is "organizations" or "injects"
                ? [new YamlEntry(key, new YamlSequence(sheetAt, []))]
                : [];
        }

        var header = table.Rows[0];
        var columns = Columns(section, table.Name, header);
        if (columns is null) return [new YamlEntry(key, new YamlInvalid(sheetAt))];
        var items = table.Rows.Skip(1).Select(row => (YamlNode)Row(table.Name, row, columns)).ToArray();
        return [new YamlEntry(key, new YamlSequence(sheetAt, items))];
    }

    /// <summary>The column of each header cell, or null when a required column is missing (reported).</summary>
    private Dictionary<int, SheetColumn>? Columns(SheetSection section, string sheet, SheetRow header)
    {
        var columns = new Dictionary<int, SheetColumn>();
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var text = header.Cells[i];
            if (text.Length == 0) continue;
            var at = _map.Add(new SheetPlace(sheet, header.Row, i));
            var headerKey = ColumnNames.Key(text);
            var column = _headerMap.TryGetValue(headerKey, out var mapped)
                ? section.Find(mapped)
                : section.Columns.FirstOrDefault(c => c.IsNamedBy(headerKey));
            if (column is null)
            {
                _diagnostics.Warning(at, DiagnosticCodes.UnknownKey,
                    $"column '{text}' is not read; name it with --map \"{text}=KEY\" (KEY one of: {string.Join(", ", section.Columns.Select(c => c.Key))})");
                continue;
            }

            if (first.TryGetValue(column.Key, out var earlier))
            {
                _diagnostics.Error(at, DiagnosticCodes.DuplicateKey,
                    $"column '{text}' and column {ColumnNames.Letter(earlier)} ('{header.Cells[earlier]}') both give '{column.Key}'; keep one");
                continue;
            }

            first[column.Key] = i;
            columns[i] = column;
        }

        var missing = section.Columns.Where(c => c.Required)
            .GroupBy(c => c.YamlKey)
            .Where(g => !g.Any(c => first.ContainsKey(c.Key)))
            .ToArray();
        foreach (var group in missing)
        {
            _diagnostics.Error(_map.Add(new SheetPlace(sheet, header.Row)), DiagnosticCodes.MissingField,
                $"the header row has no column {string.Join(" or ", group.Select(c => $"'{c.Key}' ({c.Header})"))}, which the {section.Name} sheet needs");
        }

        return missing.Length == 0 ? columns : null;
    }

    private YamlMapping Row(string sheet, SheetRow row, Dictionary<int, SheetColumn> columns)
    {
        var rowAt = _map.Add(new SheetPlace(sheet, row.Row));
        var cells = columns.Where(c => row.Cell(c.Key).Length > 0)
            .Select(c => (c.Value, Text: row.Cell(c.Key), Place: new SheetPlace(sheet, row.Row, c.Key, c.Value.Key, c.Value.Kind == CellKind.Flow)));
        return new YamlMapping(rowAt, Entries(cells));
    }

    private IEnumerable<YamlEntry> KeyValueEntries(SheetSection section, SheetTable table, SourcePosition sheetAt)
    {
        var cells = new List<(SheetColumn, string, SheetPlace)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var name = row.Cell(0);
            var headerKey = ColumnNames.Key(name);
            if (SheetSection.KeyHeader.IsNamedBy(headerKey)) continue;
            var at = _map.Add(new SheetPlace(table.Name, row.Row, 0));
            var column = section.Columns.FirstOrDefault(c => c.IsNamedBy(headerKey));
            if (column is null)
            {
                _diagnostics.Error(at, DiagnosticCodes.UnknownKey,
                    $"unknown key '{name}' in column A; the {section.Name} sheet's keys are: {string.Join(", ", section.Columns.Select(c => c.Key))}");
                continue;
            }

            if (!seen.TryAdd(column.Key, row.Row))
            {
                _diagnostics.Error(at, DiagnosticCodes.DuplicateKey, $"key '{column.Key}' is given twice (first in row {seen[column.Key]})");
                continue;
            }

            if (row.Cell(1).Length > 0) cells.Add((column, row.Cell(1), new SheetPlace(table.Name, row.Row, 1, column.Key, column.Kind == CellKind.Flow)));
        }

        var entries = Entries(cells);
        return section.YamlKey is { } key ? [new YamlEntry(new YamlScalar(sheetAt, key, true), new YamlMapping(sheetAt, entries))] : entries;
    }

    /// <summary>One entry per key: a cell's value, or for a text the mapping { ja, en } of its one or two cells.</summary>
    private List<YamlEntry> Entries(IEnumerable<(SheetColumn Column, string Text, SheetPlace Place)> cells)
    {
        var entries = new List<YamlEntry>();
        var texts = new Dictionary<string, (YamlScalar Key, List<YamlEntry> Languages)>(StringComparer.Ordinal);
        foreach (var (column, text, place) in cells)
        {
            var at = _map.Add(place, column.Kind == CellKind.Flow ? text.Count(c => c == '\n') + 1 : 1);
            if (column.Kind != CellKind.Text)
            {
                entries.Add(new YamlEntry(new YamlScalar(at, column.YamlKey, true), Value(column, text, at)));
                continue;
            }

            if (!texts.TryGetValue(column.YamlKey, out var text2))
            {
                text2 = (new YamlScalar(at, column.YamlKey, true), []);
                texts[column.YamlKey] = text2;
                entries.Add(new YamlEntry(text2.Key, new YamlMapping(at, text2.Languages)));
            }

            text2.Languages.Add(new YamlEntry(new YamlScalar(at, column.Language!, true), new YamlScalar(at, text, false)));
        }

        return entries;
    }

    private YamlNode Value(SheetColumn column, string text, SourcePosition at) => column.Kind switch
    {
        CellKind.Flag when text.Equals("true", StringComparison.OrdinalIgnoreCase) => new YamlScalar(at, "true", false),
        CellKind.Flag when text.Equals("false", StringComparison.OrdinalIgnoreCase) => new YamlScalar(at, "false", false),
        CellKind.Offset => new YamlScalar(at, Time(text, offset: true), false),
        CellKind.Duration => new YamlScalar(at, Time(text, offset: false), false),
        CellKind.Ids => Ids(text, at),
        CellKind.Flow => Yaml(text, at),
        _ => new YamlScalar(at, text, false),
    };

    /// <summary>
    /// A time as planners type it: an offset without its '+' ("01:30"), or a number, which is how Excel keeps a
    /// cell it took for a time (a fraction of a day). Anything else is left for the reader to judge.
    /// </summary>
    private static string Time(string text, bool offset)
    {
        if (!text.Contains(':') && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var days) && days is >= 0 and < 1000)
        {
            var formatted = TimeSyntax.FormatOffset(TimeSpan.FromSeconds(Math.Round(days * 86_400)));
            return offset ? formatted : formatted[1..];
        }

        return offset && !text.StartsWith('+') && TimeSyntax.TryParseDuration(text, out _) ? "+" + text : text;
    }

    private static YamlSequence Ids(string text, SourcePosition at)
    {
        var items = new List<YamlNode>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not (',' or '、')) continue;
            var part = text[start..i];
            var trimmed = part.TrimStart();
            if (trimmed.Trim().Length > 0)
                items.Add(new YamlScalar(new SourcePosition(at.Line, start + part.Length - trimmed.Length + 1), trimmed.Trim(), false));
            start = i + 1;
        }

        return new YamlSequence(at, items);
    }

    /// <summary>A YAML cell read as a file is, its positions moved to the cell's lines; its syntax errors point into the cell.</summary>
    private YamlNode Yaml(string text, SourcePosition at)
    {
        var cell = new DiagnosticBag(_file);
        var node = YamlTreeReader.Read(text, cell);
        foreach (var finding in cell.Items)
        {
            var position = new SourcePosition(at.Line + finding.Line - 1, finding.Column);
            if (finding.IsError) _diagnostics.Error(position, finding.Code, finding.Message);
            else _diagnostics.Warning(position, finding.Code, finding.Message);
        }

        return node is null ? new YamlInvalid(at) : Moved(node, at.Line - 1);
    }

    private static YamlNode Moved(YamlNode node, int lines)
    {
        var start = node.Start with { Line = node.Start.Line + lines };
        return node switch
        {
            YamlScalar scalar => scalar with { Start = start },
            YamlSequence sequence => new YamlSequence(start, sequence.Items.Select(i => Moved(i, lines)).ToArray()),
            YamlMapping mapping => new YamlMapping(start,
                mapping.Entries.Select(e => new YamlEntry((YamlScalar)Moved(e.Key, lines), Moved(e.Value, lines))).ToArray()),
            _ => new YamlInvalid(start),
        };
    }

    private SheetDiagnostic Locate(Diagnostic diagnostic, string? basePath)
    {
        var message = LineReference().Replace(diagnostic.Message, m => "at " + Where(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), basePath));
        if (_map.Find(diagnostic.Line) is not ({ } place, var line))
            return new SheetDiagnostic($"{basePath}:{diagnostic.Line}:{diagnostic.Column}", null, null, diagnostic.Severity, diagnostic.Code, message);
        var cell = place.Row is not { } row ? null : place.Column is { } column ? $"{ColumnNames.Letter(column)}{row}" : $"{row}";
        var inside = place.IsYaml && (line, diagnostic.Column) != (1, 1) ? $", {line}:{diagnostic.Column}" : "";
        var key = place.Key is null ? "" : $" ({place.Key}{inside})";
        var location = place.Sheet is null ? _file : cell is null ? $"{_file}: {place.Sheet}" : $"{_file}: {place.Sheet}!{cell}{key}";
        return new SheetDiagnostic(location, place.Sheet, cell, diagnostic.Severity, diagnostic.Code, message);
    }

    /// <summary>Where a line of the reader's messages ("first defined at line 12") is, in the workbook's terms.</summary>
    private string Where(int line, string? basePath)
    {
        if (_map.Find(line) is not ({ } place, _)) return $"{basePath} line {line}";
        return place.Row is not { } row ? place.Sheet ?? _file
            : place.Column is { } column ? $"{place.Sheet}!{ColumnNames.Letter(column)}{row}" : $"{place.Sheet} row {row}";
    }

    [GeneratedRegex(@"at line (\d+)")]
    private static partial Regex LineReference();
}
