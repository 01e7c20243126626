namespace CiExercise.Spreadsheets;

/// <summary>One non-empty row as read: its number as a spreadsheet shows it (1-based), and its cells, trimmed.</summary>
public sealed record SheetRow(int Row, IReadOnlyList<string> Cells)
{
    public string Cell(int column) => column < Cells.Count ? Cells[column] : "";
}

/// <summary>One sheet as read: its name (a CSV file's is the one its reader gives) and its non-empty rows.</summary>
public sealed record SheetTable(string Name, IReadOnlyList<SheetRow> Rows);

/// <summary>
/// Why a file or sheet could not be read (or was read only in part): the row as a spreadsheet numbers it and the
/// zero-based column, each null when the problem is the whole file or row.
/// </summary>
public sealed record SheetReadError(int? Row, int? Column, string Message);

/// <summary>
/// Bounds checked before or while a file is read, so that a hostile file costs no more than a moment: rows per sheet
/// (empty ones do not count), columns per row (further ones are dropped), characters per cell, and for .xlsx the
/// package's parts and their inflated size (counted while inflating; declared sizes can lie). RowsName says what the
/// rows are in the message about too many ("people" in a roster).
/// </summary>
public sealed record SheetBounds(int MaxRows, int MaxColumns, int MaxCellChars, long MaxUnpackedBytes, int MaxZipEntries, string RowsName = "rows");
