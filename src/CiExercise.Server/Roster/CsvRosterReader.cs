using CiExercise.Spreadsheets;

namespace CiExercise.Server.Roster;

/// <summary>
/// Reads a roster saved as CSV with <see cref="CsvTable"/> (RFC 4180; UTF-8 with or without a byte-order mark,
/// UTF-16 with one, and Shift_JIS, which Japanese Excel writes for "CSV (comma delimited)").
/// </summary>
public static class CsvRosterReader
{
    public static RosterSheet Read(ReadOnlySpan<byte> bytes)
    {
        if (CsvTable.Decode(bytes) is not ({ } text, { } encoding))
            return RosterSheet.Unreadable("csv", new RosterError(null, null,
                "The file is neither UTF-8 nor Shift_JIS text. In Excel, save it as \"CSV UTF-8 (comma delimited)\" or as .xlsx."));
        if (text.Contains('\0', StringComparison.Ordinal))
            return RosterSheet.Unreadable("csv", new RosterError(null, null, "The file is not text (it holds NUL characters). Send a .csv or .xlsx file."));
        var (rows, error) = CsvTable.Parse(text, RosterLimits.Bounds);
        return new RosterSheet("csv", encoding, RosterSheet.FromRows(rows), RosterSheet.Error(error));
    }
}
