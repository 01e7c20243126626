using CiExercise.Contracts.Scenarios;
using CiExercise.Scenarios.Yaml;
using CiExercise.Spreadsheets;

namespace CiExercise.Scenarios.Sheets;

/// <summary>
/// Spreadsheet MSELs. Export: a scenario as an .xlsx workbook, one sheet per section (<see cref="MselSheets"/>), or its
/// Injects table as a .csv. Import: such a file (or a planner's own, its headers named with a map) back into a
/// scenario, read and validated as a scenario file is; with a base scenario file for the sections the file lacks
/// (a .csv holds only the injects). Nothing is returned but findings when there is any error.
/// </summary>
public static class ScenarioSheets
{
    public const string CsvSheet = "Injects";

    /// <summary>Every column key a header map may name.</summary>
    public static IEnumerable<string> ColumnKeys => MselSheets.ColumnKeys;

    public static void WriteXlsx(Scenario scenario, Stream stream) =>
        XlsxWriting.WriteTextSheets(stream, Tables(scenario).Select(t => (t.Section.Name, t.Rows)));

    /// <summary>The Injects table: UTF-8 with a byte-order mark, RFC 4180, CRLF, formulas guarded.</summary>
    public static void WriteCsv(Scenario scenario, Stream stream)
    {
        using var writer = new StreamWriter(stream, CsvTable.Utf8WithMark, 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        foreach (var row in Rows(MselSheets.Injects, scenario.Injects.Select(MselCells.Inject))) writer.WriteLine(CsvTable.Line(row));
    }

    /// <param name="path">An .xlsx workbook or a .csv of injects, told apart by their first bytes.</param>
    /// <param name="basePath">A scenario file giving the sections the file lacks; null for none.</param>
    /// <param name="headerMap">A planner's own headers to column keys (<see cref="ColumnKeys"/>).</param>
    public static SheetImportResult Import(string path, string? basePath, IReadOnlyDictionary<string, string> headerMap)
    {
        YamlMapping? baseTree = null;
        var baseLines = 0;
        if (basePath is not null)
        {
            var baseDiagnostics = new DiagnosticBag(basePath);
            var text = ScenarioParser.ReadFileText(basePath, baseDiagnostics);
            var node = text is null ? null : YamlTreeReader.Read(text, baseDiagnostics);
            if (node is not YamlMapping mapping)
            {
                if (node is not null) baseDiagnostics.Error(node.Start, DiagnosticCodes.WrongType, $"a scenario file must be a mapping of keys, not {node.Kind}");
                return Failed(baseDiagnostics.Items.Select(d => new SheetDiagnostic($"{basePath}:{d.Line}:{d.Column}", null, null, d.Severity, d.Code, d.Message)));
            }

            baseTree = mapping;
            baseLines = text!.Count(c => c == '\n') + 1;
        }

        var (tables, error) = ReadTables(path);
        if (error is not null)
        {
            var cell = error.Row is not { } row ? null : error.Column is { } column ? $"{ColumnNames.Letter(column)}{row}" : $"{row}";
            return Failed([new SheetDiagnostic(cell is null ? path : $"{path}: {cell}", null, cell, DiagnosticSeverity.Error, DiagnosticCodes.FileUnreadable, error.Message)]);
        }

        return MselImporter.Import(path, tables, headerMap, basePath, baseTree, baseLines);
    }

    internal static IEnumerable<(SheetSection Section, IEnumerable<IReadOnlyList<string>> Rows)> Tables(Scenario scenario)
    {
        yield return (MselSheets.Scenario, KeyValueRows(MselSheets.Scenario, MselCells.Scenario(scenario)));
        yield return (MselSheets.Organizations, Rows(MselSheets.Organizations, scenario.Organizations.Select(MselCells.Organization)));
        yield return (MselSheets.Phases, Rows(MselSheets.Phases, scenario.Phases.Select(MselCells.Phase)));
        yield return (MselSheets.Objectives, Rows(MselSheets.Objectives, scenario.Objectives.Select(MselCells.Objective)));
        yield return (MselSheets.Services, Rows(MselSheets.Services, scenario.Services.Select(MselCells.Service)));
        yield return (MselSheets.Injects, Rows(MselSheets.Injects, scenario.Injects.Select(MselCells.Inject)));
        yield return (MselSheets.Review, KeyValueRows(MselSheets.Review, MselCells.Review(scenario.Review)));
    }

    private static IEnumerable<IReadOnlyList<string>> Rows(SheetSection section, IEnumerable<Dictionary<string, string?>> items) =>
        items.Select(cells => (IReadOnlyList<string>)section.Columns.Select(c => cells.GetValueOrDefault(c.Key) ?? "").ToArray())
            .Prepend(section.Columns.Select(c => c.Header).ToArray());

    /// <summary>Key, value, and the key's label for the reader's eyes (column C is not read back).</summary>
    private static IEnumerable<IReadOnlyList<string>> KeyValueRows(SheetSection section, Dictionary<string, string?> cells) =>
        section.Columns.Select(c => (IReadOnlyList<string>)[c.Key, cells.GetValueOrDefault(c.Key) ?? "", c.Header])
            .Prepend([SheetSection.KeyHeader.Header, SheetSection.ValueHeader.Header, ""]);

    private static (IReadOnlyList<SheetTable> Tables, SheetReadError? Error) ReadTables(string path)
    {
        byte[] bytes;
        try
        {
            var size = new FileInfo(path).Length;
            if (size > SheetLimits.MaxFileBytes)
                return ([], new SheetReadError(null, null, $"the file is {size:N0} bytes; a spreadsheet MSEL may hold at most {SheetLimits.MaxFileBytes:N0}"));
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return ([], new SheetReadError(null, null, ex is FileNotFoundException or DirectoryNotFoundException ? "file not found" : $"cannot read the file: {ex.Message}"));
        }

        var (tables, error) = Read(bytes);
        if (error is null && tables.Sum(t => t.Rows.Sum(r => r.Cells.Sum(c => (long)c.Length))) > SheetLimits.MaxTotalChars)
            return ([], new SheetReadError(null, null, $"the cells hold more than {SheetLimits.MaxTotalChars:N0} characters together, more than a scenario may"));
        return (tables, error);
    }

    private static (IReadOnlyList<SheetTable> Tables, SheetReadError? Error) Read(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith("PK\x03\x04"u8)) return XlsxTables.Read(bytes, SheetLimits.Bounds);
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
            return ([], new SheetReadError(null, null, "this is an Excel 97-2003 (.xls) workbook, which is not read; save it as .xlsx or as \"CSV UTF-8\""));
        if (CsvTable.Decode(bytes) is not ({ } text, _))
            return ([], new SheetReadError(null, null, "the file is neither UTF-8 nor Shift_JIS text; in Excel, save it as \"CSV UTF-8\" or as .xlsx"));
        if (text.Contains('\0', StringComparison.Ordinal))
            return ([], new SheetReadError(null, null, "the file is not text (it holds NUL characters); give a .csv or .xlsx file"));
        var (rows, error) = CsvTable.Parse(text, SheetLimits.Bounds);
        var unguarded = rows.Select(r => r with { Cells = r.Cells.Select(CsvTable.Unguard).ToArray() }).ToArray();
        return ([new SheetTable(CsvSheet, unguarded)], error);
    }

    private static SheetImportResult Failed(IEnumerable<SheetDiagnostic> diagnostics) => new(null, diagnostics.ToArray());
}
