using CiExercise.Spreadsheets;

namespace CiExercise.Server.Roster;

/// <summary>
/// Bounds on a roster file, checked before (or while) it is read: a national exercise's roster is about
/// 7,000 people, so these leave room without letting one upload tie up the server.
/// </summary>
public static class RosterLimits
{
    /// <summary>The file as uploaded (.csv or .xlsx).</summary>
    public const int MaxFileBytes = 5 * 1024 * 1024;

    /// <summary>People per file, and so join links per import (empty rows do not count).</summary>
    public const int MaxRows = 20_000;

    /// <summary>Columns read from a row; any further ones are ignored like other extra columns.</summary>
    public const int MaxColumns = 100;

    /// <summary>An .xlsx unpacked: every part together, counted while it is inflated (declared sizes can lie).</summary>
    public const long MaxUnpackedBytes = 64L * 1024 * 1024;

    /// <summary>Parts in an .xlsx; a spreadsheet saved by Excel has about a dozen.</summary>
    public const int MaxZipEntries = 1_000;

    public const int MaxNameChars = 200;
    public const int MaxOrganizationChars = 200;
    public const int MaxRoleChars = 100;
    public const int MaxEmailChars = 254;

    /// <summary>The bounds above as the spreadsheet readers take them; a cell is bounded by the longest field, checked after.</summary>
    public static SheetBounds Bounds { get; } = new(MaxRows, MaxColumns, MaxCellChars: 32_767, MaxUnpackedBytes, MaxZipEntries, RowsName: "people");

    /// <summary>Errors listed in one answer; the rest are counted.</summary>
    public const int MaxReportedErrors = 500;
}
