using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CiExercise.Server.Roster;

/// <summary>
/// Reads the first worksheet of an .xlsx roster with the Open XML SDK. The package is first inflated once
/// with a running count, so a zip bomb (tiny file, huge parts, or sizes that lie in its headers) is refused
/// before the SDK parses anything.
/// </summary>
public static class XlsxRosterReader
{
    private const string Format = "xlsx";

    public static RosterSheet Read(byte[] bytes)
    {
        if (CheckPackage(bytes) is { } refused) return RosterSheet.Unreadable(Format, refused);
        try
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(bytes, writable: false), false,
                new OpenSettings { MaxCharactersInPart = RosterLimits.MaxUnpackedBytes });
            var workbook = document.WorkbookPart;
            var sheet = workbook?.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbook is null || sheet?.Id?.Value is not { } partId || workbook.GetPartById(partId) is not WorksheetPart worksheet)
                return RosterSheet.Unreadable(Format, new RosterError(null, null, "The file is a zip package but not an Excel workbook with a worksheet. Send a .xlsx or .csv file."));
            var (lines, error) = ReadRows(worksheet, SharedStrings(workbook));
            return new RosterSheet(Format, null, lines, error);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or XmlException or IOException
                                       or InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            return RosterSheet.Unreadable(Format, new RosterError(null, null,
                "The file is not a readable .xlsx workbook. Open it in Excel and save it again as .xlsx or as \"CSV UTF-8\"."));
        }
    }

    /// <summary>Inflates every part once, counting; null when the package is within the bounds.</summary>
    private static RosterError? CheckPackage(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > RosterLimits.MaxZipEntries)
                return new RosterError(null, null, $"The .xlsx package has {zip.Entries.Count:N0} parts; a workbook has at most {RosterLimits.MaxZipEntries:N0}.");
            var total = 0L;
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                using var part = entry.Open();
                int read;
                while ((read = part.Read(buffer)) > 0)
                {
                    total += read;
                    if (total > RosterLimits.MaxUnpackedBytes)
                        return new RosterError(null, null,
                            $"The .xlsx file unpacks to more than {RosterLimits.MaxUnpackedBytes / (1024 * 1024)} MiB (a zip bomb or a workbook far larger than a roster); it was not read.");
                }
            }

            return null;
        }
        catch (InvalidDataException)
        {
            return new RosterError(null, null, "The file is not a valid .xlsx (zip) package.");
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

    private static (IReadOnlyList<RosterLine> Lines, RosterError? Error) ReadRows(WorksheetPart worksheet, List<string> shared)
    {
        var lines = new List<RosterLine>();
        using var reader = OpenXmlReader.Create(worksheet);
        var previousRow = 0;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
            var row = (Row)reader.LoadCurrentElement()!;
            var number = row.RowIndex?.Value is { } index ? (int)Math.Min(index, int.MaxValue) : previousRow + 1;
            previousRow = number;
            var cells = Cells(row, shared);
            if (!cells.Any(c => c.Length > 0)) continue;
            lines.Add(new RosterLine(number, cells));
            if (lines.Count > RosterLimits.MaxRows + 1)
                return (lines, new RosterError(number, null, $"the sheet has more than {RosterLimits.MaxRows:N0} people; split it into several imports"));
        }

        return (lines, null);
    }

    private static string[] Cells(Row row, List<string> shared)
    {
        var cells = new List<string>();
        foreach (var cell in row.Elements<Cell>())
        {
            // Cells may be left out (empty ones usually are): the reference says which column this is.
            var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
            if (column >= RosterLimits.MaxColumns) continue;
            while (cells.Count < column) cells.Add("");
            if (cells.Count == column) cells.Add(ValueOf(cell, shared).Trim());
        }

        return cells.ToArray();
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

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter)) index = Math.Min(index * 26 + (char.ToUpperInvariant(c) - 'A' + 1), 1 << 20);
        return index - 1;
    }
}
