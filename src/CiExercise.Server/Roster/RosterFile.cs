namespace CiExercise.Server.Roster;

/// <summary>
/// Reads a roster file of either kind, told apart by its first bytes rather than by the media type a
/// browser guessed (Windows often labels a .csv as an Excel file).
/// </summary>
public static class RosterFile
{
    public static RosterSheet Read(byte[] bytes)
    {
        if (bytes.Length == 0) return RosterSheet.Unreadable("csv", new RosterError(null, null, "The file is empty."));
        if (bytes.AsSpan().StartsWith("PK\x03\x04"u8)) return XlsxRosterReader.Read(bytes);
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
            return RosterSheet.Unreadable("xls", new RosterError(null, null,
                "This is an Excel 97-2003 (.xls) workbook, which is not read. Save it as .xlsx or as \"CSV UTF-8\"."));
        return CsvRosterReader.Read(bytes);
    }
}
