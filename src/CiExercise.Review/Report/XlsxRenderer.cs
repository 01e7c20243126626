using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CiExercise.Review.Report;

/// <summary>
/// The report as an Excel workbook: a first sheet with the title, the marking and the text, then one sheet per table
/// named by its id, each with the marking in its first row and a bold header in its second. Numbers stay numbers.
/// Sheets are written with OpenXmlWriter, row by row, so that the timeline sheet streams from the log. The package
/// needs a seekable stream: the caller gives a file or memory stream and copies it to the response.
/// </summary>
public static class XlsxRenderer
{
    public const string ReportSheet = "report";

    /// <summary>Excel's limit on one cell's text.</summary>
    private const int MaxCellText = 32_767;

    private const uint BoldStyle = 1;

    /// <summary>A sheet besides the document's tables: the timeline, read page by page.</summary>
    public sealed record ExtraSheet(string Id, IReadOnlyList<string> Columns, IAsyncEnumerable<IReadOnlyList<object?>> Rows);

    public static async Task WriteAsync(ReportDocument document, Stream stream, ExtraSheet? extra = null, CancellationToken cancellationToken = default)
    {
        using var package = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = package.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var sheets = workbook.Workbook.AppendChild(new Sheets());
        var names = new SheetNames();

        var front = new List<IReadOnlyList<object?>> { new object?[] { document.Title } };
        foreach (var section in document.Sections)
        {
            front.Add([]);
            front.Add([section.Heading]);
            front.AddRange(section.Paragraphs.Select(p => (IReadOnlyList<object?>)[p]));
            front.AddRange(section.Tables.Select(t => (IReadOnlyList<object?>)[t.Caption, t.Id]));
        }

        AddSheet(workbook, sheets, names.Take(ReportSheet), writer => WriteRows(writer, document.Marking, null, front));
        foreach (var table in document.Tables)
            AddSheet(workbook, sheets, names.Take(table.Id), writer => WriteRows(writer, document.Marking, table.Columns, table.Rows));
        if (extra is not null)
        {
            // The rows come from the log asynchronously; each page is written as it arrives.
            var part = workbook.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(part))
            {
                Begin(writer, document.Marking, extra.Columns);
                await foreach (var row in extra.Rows.WithCancellation(cancellationToken)) WriteRow(writer, row, null);
                End(writer);
            }

            Register(workbook, sheets, part, names.Take(extra.Id));
        }

        workbook.Workbook.Save();
    }

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, string name, Action<OpenXmlWriter> write)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(part)) write(writer);
        Register(workbook, sheets, part, name);
    }

    private static void Register(WorkbookPart workbook, Sheets sheets, WorksheetPart part, string name) =>
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)sheets.ChildElements.Count + 1, Name = name });

    private static void WriteRows(OpenXmlWriter writer, string marking, IReadOnlyList<string>? columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        Begin(writer, marking, columns);
        foreach (var row in rows) WriteRow(writer, row, null);
        End(writer);
    }

    private static void Begin(OpenXmlWriter writer, string marking, IReadOnlyList<string>? columns)
    {
        writer.WriteStartElement(new Worksheet());
        writer.WriteStartElement(new SheetData());
        WriteRow(writer, [marking], BoldStyle);
        if (columns is not null) WriteRow(writer, columns, BoldStyle);
    }

    private static void End(OpenXmlWriter writer)
    {
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteRow(OpenXmlWriter writer, IEnumerable<object?> cells, uint? style)
    {
        writer.WriteStartElement(new Row());
        foreach (var value in cells) writer.WriteElement(Cell(value, style));
        writer.WriteEndElement();
    }

    private static Cell Cell(object? value, uint? style)
    {
        var cell = value switch
        {
            null => new Cell(),
            int n => new Cell { DataType = CellValues.Number, CellValue = new CellValue(n) },
            long n => new Cell { DataType = CellValues.Number, CellValue = new CellValue((decimal)n) },
            double n when double.IsFinite(n) => new Cell { DataType = CellValues.Number, CellValue = new CellValue(n) },
            _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Clean(value.ToString() ?? ""))) },
        };
        if (style is { } s) cell.StyleIndex = s;
        return cell;
    }

    /// <summary>XML cannot hold most control characters, and Excel refuses a cell longer than 32,767 characters.</summary>
    private static string Clean(string text)
    {
        var clean = new StringBuilder(Math.Min(text.Length, MaxCellText));
        foreach (var c in text)
        {
            if (clean.Length == MaxCellText) break;
            if (c >= ' ' || c is '\t' or '\n' or '\r') clean.Append(c);
        }

        return clean.ToString();
    }

    private static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold())),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }));

    /// <summary>Sheet names: at most 31 characters, none of []:*?/\, unique regardless of case.</summary>
    private sealed class SheetNames
    {
        private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);

        public string Take(string id)
        {
            var name = new string(id.Select(c => "[]:*?/\\".Contains(c, StringComparison.Ordinal) ? '_' : c).ToArray());
            if (name.Length == 0) name = "sheet";
            if (name.Length > 31) name = name[..31];
            var candidate = name;
            for (var n = 2; !_taken.Add(candidate); n++)
            {
                var suffix = $"~{n}";
                candidate = name[..Math.Min(name.Length, 31 - suffix.Length)] + suffix;
            }

            return candidate;
        }
    }
}
