using CiExercise.Spreadsheets;

namespace CiExercise.Server.Roster;

/// <summary>One non-empty row of a roster file as read: its number as a spreadsheet shows it, and its cells (trimmed).</summary>
public sealed record RosterLine(int Row, IReadOnlyList<string> Cells)
{
    public string Cell(int column) => column < Cells.Count ? Cells[column] : "";
}

/// <summary>What a roster file held, before any check against the scenario: its rows, or why it could not be read.</summary>
public sealed record RosterSheet(string Format, string? Encoding, IReadOnlyList<RosterLine> Lines, RosterError? FileError)
{
    public static RosterSheet Unreadable(string format, RosterError error) => new(format, null, [], error);

    public static IReadOnlyList<RosterLine> FromRows(IEnumerable<SheetRow> rows) => rows.Select(r => new RosterLine(r.Row, r.Cells)).ToArray();

    /// <summary>A reader's error, its column as Excel's letter.</summary>
    public static RosterError? Error(SheetReadError? error) =>
        error is null ? null : new RosterError(error.Row, error.Column is { } column ? ColumnNames.Letter(column) : null, error.Message);
}

/// <summary>
/// One thing wrong with a roster, where it is: the row as a spreadsheet numbers it (the header is row 1 in a
/// file that starts with it) and the column's header; either is null for what concerns the whole file or row.
/// </summary>
public sealed record RosterError(int? Row, string? Column, string Message)
{
    /// <summary>"row 17, column 'role': …", the form a person reads in a list.</summary>
    public string Text => (Row, Column) switch
    {
        ({ } row, { } column) => $"row {row}, column '{column}': {Message}",
        ({ } row, null) => $"row {row}: {Message}",
        _ => Message,
    };

    /// <summary>Excel's letter for a zero-based column index (0 is A, 26 is AA).</summary>
    public static string ColumnLetter(int index) => ColumnNames.Letter(index);
}
