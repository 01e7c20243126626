using System.Globalization;
using System.Text;

namespace CiExercise.Spreadsheets;

/// <summary>
/// CSV as spreadsheets read and write it (RFC 4180: commas, quoted cells with doubled quotes, line breaks inside
/// quotes; CRLF or LF). Read: UTF-8 with or without a byte-order mark, UTF-16 with one, and Shift_JIS, which Japanese
/// Excel writes for "CSV (comma delimited)". Written: UTF-8 with a byte-order mark (so that Excel reads Japanese), CRLF,
/// and a text cell that a spreadsheet would run as a formula (= + - @, tab, carriage return first) prefixed with a quote mark.
/// </summary>
public static class CsvTable
{
    public static readonly Encoding Utf8WithMark = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    // Code page 932 ships with .NET; strict, so that a file in neither encoding is refused, not garbled.
    private static readonly Encoding StrictShiftJis =
        CodePagesEncodingProvider.Instance.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;

    /// <summary>The text and the name of its encoding, or nulls when the bytes are none of the encodings read.</summary>
    public static (string? Text, string? Encoding) Decode(ReadOnlySpan<byte> bytes)
    {
        // Bytes, not "\xEF\xBB\xBF"u8: that literal is the UTF-8 of three Latin-1 characters, six bytes.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return TryDecode(StrictUtf8, bytes[3..], "utf-8");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return TryDecode(new UnicodeEncoding(false, false, true), bytes[2..], "utf-16");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return TryDecode(new UnicodeEncoding(true, false, true), bytes[2..], "utf-16");
        var utf8 = TryDecode(StrictUtf8, bytes, "utf-8");
        return utf8.Text is not null ? utf8 : TryDecode(StrictShiftJis, bytes, "shift_jis");
    }

    /// <summary>The non-empty rows, or the first error that stops reading (a quote left open, too many rows, a cell too long).</summary>
    public static (IReadOnlyList<SheetRow> Rows, SheetReadError? Error) Parse(string text, SheetBounds bounds)
    {
        var lines = new List<SheetRow>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var row = 1;
        var i = 0;
        while (i <= text.Length)
        {
            // One cell: quoted or not, then a comma (next cell), a line break or the end (next row).
            var column = cells.Count;
            cell.Clear();
            if (i < text.Length && text[i] == '"')
            {
                var opened = row;
                for (i++; ; i++)
                {
                    if (i >= text.Length) return (lines, new SheetReadError(opened, column, "a quoted cell is never closed (a \" is missing)"));
                    if (text[i] != '"') cell.Append(text[i]);
                    else if (i + 1 < text.Length && text[i + 1] == '"') cell.Append(text[++i]);
                    else break;
                    if (cell.Length > bounds.MaxCellChars) return (lines, TooLong(opened, column, bounds));
                }
                i++;
                if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                    return (lines, new SheetReadError(row, column, "text follows a quoted cell's closing quote (a quote inside a cell is written as \"\")"));
            }
            else
            {
                while (i < text.Length && text[i] is not (',' or '\r' or '\n')) cell.Append(text[i++]);
                if (cell.Length > bounds.MaxCellChars) return (lines, TooLong(row, column, bounds));
            }

            if (column < bounds.MaxColumns) cells.Add(cell.ToString().Trim());
            if (i < text.Length && text[i] == ',')
            {
                i++;
                continue;
            }

            if (cells.Any(c => c.Length > 0))
            {
                lines.Add(new SheetRow(row, cells.ToArray()));
                // The header row and at most MaxRows more.
                if (lines.Count > bounds.MaxRows + 1)
                    return (lines, new SheetReadError(row, null, $"the file has more than {bounds.MaxRows:N0} {bounds.RowsName}; split it into several files"));
            }

            cells.Clear();
            if (i >= text.Length) break;
            i += text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
            if (i >= text.Length) break;
            row++;
        }

        return (lines, null);
    }

    public static string Line(IEnumerable<object?> cells) => string.Join(',', cells.Select(Cell));

    /// <summary>One cell: numbers as invariant numbers, text guarded against formula injection and quoted when needed.</summary>
    public static string Cell(object? value)
    {
        var cell = value switch
        {
            null => "",
            string text => Guard(text),
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            _ => Guard(value.ToString() ?? ""),
        };
        return cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
    }

    /// <summary>Takes off the quote mark <see cref="Cell"/> put before a text that would run as a formula.</summary>
    public static string Unguard(string cell) => cell.Length > 1 && cell[0] == '\'' && "=+-@\t\r".Contains(cell[1], StringComparison.Ordinal) ? cell[1..] : cell;

    private static string Guard(string text) => text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal) ? "'" + text : text;

    private static SheetReadError TooLong(int row, int column, SheetBounds bounds) =>
        new(row, column, $"the cell holds more than {bounds.MaxCellChars:N0} characters");

    private static (string? Text, string? Encoding) TryDecode(Encoding encoding, ReadOnlySpan<byte> bytes, string name)
    {
        try
        {
            return (encoding.GetString(bytes), name);
        }
        catch (DecoderFallbackException)
        {
            return (null, null);
        }
    }
}
