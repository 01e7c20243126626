using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CiExercise.Server.Tests.Roster;

/// <summary>Roster files made in the test: CSV text in an encoding, and .xlsx workbooks written with the Open XML SDK.</summary>
public static class RosterFiles
{
    public static byte[] Csv(string text, bool bom = false) => [.. bom ? Encoding.UTF8.GetPreamble() : [], .. Encoding.UTF8.GetBytes(text)];

    public static byte[] ShiftJis(string text) => CodePagesEncodingProvider.Instance.GetEncoding(932)!.GetBytes(text);

    /// <summary>
    /// A workbook whose first sheet holds the rows: a string cell goes to the shared string table (as Excel
    /// writes it), one starting with '#' is written as an inline string, a null cell is left out, and a
    /// double is a number.
    /// </summary>
    public static byte[] Xlsx(params object?[][] rows)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var worksheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    if (rows[r][c] is not { } value) continue;
                    row.Append(CellOf(value, $"{RosterErrorColumn(c)}{r + 1}", strings.SharedStringTable));
                }
                data.Append(row);
            }
            worksheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = "名簿" }));
        }

        return buffer.ToArray();
    }

    /// <summary>A shared string with a phonetic guide (furigana), as Japanese Excel stores a typed name.</summary>
    public static SharedStringItem WithFurigana(string text, string reading) =>
        new(new Text(text), new PhoneticRun(new Text(reading)) { BaseTextStartIndex = 0, EndingBaseIndex = (uint)text.Length });

    /// <summary>A zip with one part of the given size (zeros: it compresses about a thousand to one).</summary>
    public static byte[] ZipBomb(long partBytes)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var part = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (long written = 0; written < partBytes; written += zeros.Length) part.Write(zeros);
        }

        return buffer.ToArray();
    }

    /// <summary>The same zip with every uncompressed size in its headers rewritten to a small number, as a forged bomb has.</summary>
    public static byte[] UnderstateSizes(byte[] zip, uint declared)
    {
        var bytes = (byte[])zip.Clone();
        for (var i = 0; i + 30 < bytes.Length; i++)
        {
            if (bytes.AsSpan(i).StartsWith("PK\x03\x04"u8)) BitConverter.TryWriteBytes(bytes.AsSpan(i + 22, 4), declared);
            else if (bytes.AsSpan(i).StartsWith("PK\x01\x02"u8)) BitConverter.TryWriteBytes(bytes.AsSpan(i + 24, 4), declared);
        }

        return bytes;
    }

    private static Cell CellOf(object value, string reference, SharedStringTable strings) => value switch
    {
        double number => new Cell { CellReference = reference, CellValue = new CellValue(number) },
        SharedStringItem item => Shared(item, reference, strings),
        string text when text.StartsWith('#') => new Cell
        {
            CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text[1..])),
        },
        string text => Shared(new SharedStringItem(new Text(text)), reference, strings),
        _ => throw new ArgumentException($"No cell for {value.GetType().Name}"),
    };

    private static Cell Shared(SharedStringItem item, string reference, SharedStringTable strings)
    {
        strings.Append(item);
        return new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(strings.Count() - 1) };
    }

    private static string RosterErrorColumn(int index) => CiExercise.Server.Roster.RosterError.ColumnLetter(index);
}
