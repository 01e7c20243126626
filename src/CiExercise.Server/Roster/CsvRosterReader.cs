using System.Text;

namespace CiExercise.Server.Roster;

/// <summary>
/// Reads a roster saved as CSV (RFC 4180: commas, quoted cells with doubled quotes, line breaks inside
/// quotes; CRLF or LF). UTF-8 with or without a byte-order mark, UTF-16 with one, and Shift_JIS, which
/// Japanese Excel writes for "CSV (comma delimited)". Rows are numbered as a spreadsheet numbers them.
/// </summary>
public static class CsvRosterReader
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    // Code page 932 ships with .NET; strict, so that a file in neither encoding is refused, not garbled.
    private static readonly Encoding StrictShiftJis =
        CodePagesEncodingProvider.Instance.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;

    public static RosterSheet Read(ReadOnlySpan<byte> bytes)
    {
        if (Decode(bytes) is not ({ } text, { } encoding))
            return RosterSheet.Unreadable("csv", new RosterError(null, null,
                "The file is neither UTF-8 nor Shift_JIS text. In Excel, save it as \"CSV UTF-8 (comma delimited)\" or as .xlsx."));
        if (text.Contains('\0', StringComparison.Ordinal))
            return RosterSheet.Unreadable("csv", new RosterError(null, null, "The file is not text (it holds NUL characters). Send a .csv or .xlsx file."));
        var (lines, error) = Parse(text);
        return new RosterSheet("csv", encoding, lines, error);
    }

    private static (string? Text, string? Encoding) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\xEF\xBB\xBF"u8)) return TryDecode(StrictUtf8, bytes[3..], "utf-8");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return TryDecode(new UnicodeEncoding(false, false, true), bytes[2..], "utf-16");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return TryDecode(new UnicodeEncoding(true, false, true), bytes[2..], "utf-16");
        var utf8 = TryDecode(StrictUtf8, bytes, "utf-8");
        return utf8.Text is not null ? utf8 : TryDecode(StrictShiftJis, bytes, "shift_jis");
    }

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

    /// <summary>The non-empty rows, or the first error that stops reading (a quote left open, too many rows).</summary>
    internal static (IReadOnlyList<RosterLine> Lines, RosterError? Error) Parse(string text)
    {
        var lines = new List<RosterLine>();
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
                    if (i >= text.Length)
                        return (lines, new RosterError(opened, RosterError.ColumnLetter(column), "a quoted cell is never closed (a \" is missing)"));
                    if (text[i] != '"') cell.Append(text[i]);
                    else if (i + 1 < text.Length && text[i + 1] == '"') cell.Append(text[++i]);
                    else break;
                }
                i++;
                if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                    return (lines, new RosterError(row, RosterError.ColumnLetter(column),
                        "text follows a quoted cell's closing quote (a quote inside a cell is written as \"\")"));
            }
            else
            {
                while (i < text.Length && text[i] is not (',' or '\r' or '\n')) cell.Append(text[i++]);
            }

            if (column < RosterLimits.MaxColumns) cells.Add(cell.ToString().Trim());
            if (i < text.Length && text[i] == ',')
            {
                i++;
                continue;
            }

            if (cells.Any(c => c.Length > 0))
            {
                lines.Add(new RosterLine(row, cells.ToArray()));
                // The header row and at most MaxRows people.
                if (lines.Count > RosterLimits.MaxRows + 1)
                    return (lines, new RosterError(row, null, $"the file has more than {RosterLimits.MaxRows:N0} people; split it into several imports"));
            }

            cells.Clear();
            if (i >= text.Length) break;
            i += text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
            if (i >= text.Length) break;
            row++;
        }

        return (lines, null);
    }
}
