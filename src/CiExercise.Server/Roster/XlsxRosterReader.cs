using CiExercise.Spreadsheets;

namespace CiExercise.Server.Roster;

/// <summary>Reads the first worksheet of an .xlsx roster with <see cref="XlsxTables"/> (zip bombs refused before parsing).</summary>
public static class XlsxRosterReader
{
    public static RosterSheet Read(byte[] bytes)
    {
        var (sheets, error) = XlsxTables.Read(bytes, RosterLimits.Bounds, firstOnly: true);
        return sheets.Count == 0
            ? RosterSheet.Unreadable("xlsx", RosterSheet.Error(error)!)
            : new RosterSheet("xlsx", null, RosterSheet.FromRows(sheets[0].Rows), RosterSheet.Error(error));
    }
}
