using CiExercise.Spreadsheets;
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

    /// <summary>A sheet besides the document's tables: the timeline, read page by page.</summary>
    public sealed record ExtraSheet(string Id, IReadOnlyList<string> Columns, IAsyncEnumerable<IReadOnlyList<object?>> Rows);

    public static async Task WriteAsync(ReportDocument document, Stream stream, ExtraSheet? extra = null, CancellationToken cancellationToken = default)
    {
        using var package = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = package.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = XlsxWriting.Styles();
        var sheets = workbook.Workbook.AppendChild(new Sheets());
        var names = new UniqueSheetNames();

        var front = new List<IReadOnlyList<object?>> { new object?[] { document.Title } };
        foreach (var section in document.Sections)
        {
            front.Add([]);
            front.Add([section.Heading]);
            front.AddRange(section.Paragraphs.Select(p => (IReadOnlyList<object?>)[p]));
            front.AddRange(section.Tables.Select(t => (IReadOnlyList<object?>)[t.Caption, t.Id]));
        }

        XlsxWriting.AddSheet(workbook, sheets, names.Take(ReportSheet), writer => WriteRows(writer, document.Marking, null, front));
        foreach (var table in document.Tables)
            XlsxWriting.AddSheet(workbook, sheets, names.Take(table.Id), writer => WriteRows(writer, document.Marking, table.Columns, table.Rows));
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

            XlsxWriting.Register(workbook, sheets, part, names.Take(extra.Id));
        }

        workbook.Workbook.Save();
    }

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
        WriteRow(writer, [marking], XlsxWriting.BoldStyle);
        if (columns is not null) WriteRow(writer, columns, XlsxWriting.BoldStyle);
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
            _ => XlsxWriting.TextCell(value.ToString() ?? ""),
        };
        if (style is { } s) cell.StyleIndex = s;
        return cell;
    }
}
