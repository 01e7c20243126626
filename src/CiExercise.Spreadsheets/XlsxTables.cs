using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CiExercise.Spreadsheets;

/// <summary>
/// Reads the worksheets of an .xlsx workbook with the Open XML SDK as tables of text. The package is first inflated
/// once with a running count, so a zip bomb (tiny file, huge parts, or sizes that lie in its headers) is refused before
/// the SDK parses anything. Rows are read with OpenXmlReader, one at a time, and stop at the bounds.
/// </summary>
public static class XlsxTables
{
    /// <summary>The sheets in workbook order (all, or only the first), or why the file cannot be read.</summary>
    public static (IReadOnlyList<SheetTable> Sheets, SheetReadError? Error) Read(byte[] bytes, SheetBounds bounds, bool firstOnly = false)
    {
        if (CheckPackage(bytes, bounds) is { } refused) return ([], refused);
        try
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(bytes, writable: false), false,
                new OpenSettings { MaxCharactersInPart = bounds.MaxUnpackedBytes });
            var workbook = document.WorkbookPart;
            var sheets = workbook?.Workbook?.Sheets?.Elements<Sheet>().ToList() ?? [];
            if (workbook is null || sheets.Count == 0)
                return ([], new SheetReadError(null, null, "The file is a zip package but not an Excel workbook with a worksheet. Send a .xlsx or .csv file."));
            var shared = SharedStrings(workbook);
            var tables = new List<SheetTable>();
            foreach (var sheet in firstOnly ? sheets.Take(1) : sheets)
            {
                if (sheet.Id?.Value is not { } partId || workbook.GetPartById(partId) is not WorksheetPart worksheet) continue;
                var (rows, error) = ReadRows(worksheet, shared, bounds);
                tables.Add(new SheetTable(sheet.Name?.Value ?? "", rows));
                if (error is not null) return (tables, error with { Message = $"sheet '{sheet.Name?.Value}': {error.Message}" });
            }

            return tables.Count == 0
                ? ([], new SheetReadError(null, null, "The file is a zip package but not an Excel workbook with a worksheet. Send a .xlsx or .csv file."))
                : (tables, null);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or XmlException or IOException
                                       or InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            return ([], new SheetReadError(null, null,
                "The file is not a readable .xlsx workbook. Open it in Excel and save it again as .xlsx or as \"CSV UTF-8\"."));
        }
    }

    /// <summary>Inflates every part once, counting; null when the package is within the bounds.</summary>
    private static SheetReadError? CheckPackage(byte[] bytes, SheetBounds bounds)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > bounds.MaxZipEntries)
                return new SheetReadError(null, null, $"The .xlsx package has {zip.Entries.Count:N0} parts; a workbook has at most {bounds.MaxZipEntries:N0}.");
            var total = 0L;
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                using var part = entry.Open();
                int read;
                while ((read = part.Read(buffer)) > 0)
                {
                    total += read;
                    if (total > bounds.MaxUnpackedBytes)
                        return new SheetReadError(null, null,
                            $"The .xlsx file unpacks to more than {bounds.MaxUnpackedBytes / (1024 * 1024)} MiB (a zip bomb or a workbook far larger than expected); it was not read.");
                }
            }

            return null;
        }
        catch (InvalidDataException)
        {
            return new SheetReadError(null, null, "The file is not a valid .xlsx (zip) package.");
        }
    }

    private static List<string> SharedStrings(WorkbookPart workbook) =>
        workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(TextOf).ToList() ?? [];

    /// <summary>
    /// The text of a shared or inline string: its own text, or its rich-text runs joined. Phonetic guides
    /// (furigana, rPh) that Japanese Excel stores beside a name are not part of the cell's value.
    /// </summary>
    private static string TextOf(OpenXmlElement item) =>
        item.GetFirstChild<Text>()?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text));

    private static (IReadOnlyList<SheetRow> Rows, SheetReadError? Error) ReadRows(WorksheetPart worksheet, List<string> shared, SheetBounds bounds)
    {
        var lines = new List<SheetRow>();
        using var reader = OpenXmlReader.Create(worksheet);
        var previousRow = 0;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
            var row = (Row)reader.LoadCurrentElement()!;
            var number = row.RowIndex?.Value is { } index ? (int)Math.Min(index, int.MaxValue) : previousRow + 1;
            previousRow = number;
            var (cells, tooLong) = Cells(row, shared, bounds);
            if (tooLong is { } column) return (lines, new SheetReadError(number, column, $"the cell holds more than {bounds.MaxCellChars:N0} characters"));
            if (!cells.Any(c => c.Length > 0)) continue;
            lines.Add(new SheetRow(number, cells));
            if (lines.Count > bounds.MaxRows + 1)
                return (lines, new SheetReadError(number, null, $"the sheet has more than {bounds.MaxRows:N0} {bounds.RowsName}; split it into several files"));
        }

        return (lines, null);
    }

    private static (string[] Cells, int? TooLong) Cells(Row row, List<string> shared, SheetBounds bounds)
    {
        var cells = new List<string>();
        foreach (var cell in row.Elements<Cell>())
        {
            // Cells may be left out (empty ones usually are): the reference says which column this is.
            var column = cell.CellReference?.Value is { } reference ? ColumnNames.IndexOf(reference) : cells.Count;
            if (column >= bounds.MaxColumns) continue;
            while (cells.Count < column) cells.Add("");
            if (cells.Count != column) continue;
            var value = ValueOf(cell, shared);
            if (value.Length > bounds.MaxCellChars) return ([], column);
            cells.Add(value.Trim());
        }

        return (cells.ToArray(), null);
    }

    private static string ValueOf(Cell cell, List<string> shared)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
            return int.TryParse(raw, out var index) && index >= 0 && index < shared.Count ? shared[index] : "";
        if (type == CellValues.InlineString) return cell.InlineString is { } inline ? TextOf(inline) : "";
        if (type == CellValues.Boolean) return raw == "1" ? "TRUE" : "FALSE";
        return raw;
    }
}
