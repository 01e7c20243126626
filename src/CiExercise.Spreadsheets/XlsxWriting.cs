using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CiExercise.Spreadsheets;

/// <summary>
/// The pieces every workbook we write shares: a style sheet with a bold style, text cells Excel accepts, sheet names
/// Excel accepts, and a sheet written row by row with OpenXmlWriter.
/// </summary>
public static class XlsxWriting
{
    public const uint BoldStyle = 1;

    /// <summary>Excel's limit on one cell's text.</summary>
    public const int MaxCellText = 32_767;

    public static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold())),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }));

    /// <summary>An inline text cell (never a formula, whatever it starts with).</summary>
    public static Cell TextCell(string text) =>
        new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve }) };

    /// <summary>XML cannot hold most control characters, and Excel refuses a cell longer than 32,767 characters.</summary>
    public static string Clean(string text)
    {
        var clean = new StringBuilder(Math.Min(text.Length, MaxCellText));
        foreach (var c in text)
        {
            if (clean.Length == MaxCellText) break;
            if (c >= ' ' || c is '\t' or '\n' or '\r') clean.Append(c);
        }

        return clean.ToString();
    }

    /// <summary>A worksheet part written by write, registered in the workbook under name.</summary>
    public static void AddSheet(WorkbookPart workbook, Sheets sheets, string name, Action<OpenXmlWriter> write)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(part)) write(writer);
        Register(workbook, sheets, part, name);
    }

    public static void Register(WorkbookPart workbook, Sheets sheets, WorksheetPart part, string name) =>
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)sheets.ChildElements.Count + 1, Name = name });

    /// <summary>A workbook of text sheets, each with its first row bold (the header).</summary>
    public static void WriteTextSheets(Stream stream, IEnumerable<(string Name, IEnumerable<IReadOnlyList<string>> Rows)> tables)
    {
        using var package = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = package.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var sheets = workbook.Workbook.AppendChild(new Sheets());
        var names = new UniqueSheetNames();
        foreach (var (name, rows) in tables)
        {
            AddSheet(workbook, sheets, names.Take(name), writer =>
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                var first = true;
                foreach (var row in rows)
                {
                    writer.WriteStartElement(new Row());
                    foreach (var text in row)
                    {
                        var cell = text.Length == 0 ? new Cell() : TextCell(text);
                        if (first) cell.StyleIndex = BoldStyle;
                        writer.WriteElement(cell);
                    }

                    writer.WriteEndElement();
                    first = false;
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            });
        }

        workbook.Workbook.Save();
    }
}

/// <summary>Sheet names: at most 31 characters, none of []:*?/\, unique regardless of case.</summary>
public sealed class UniqueSheetNames
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
