using CiExercise.Spreadsheets;

namespace CiExercise.Scenarios.Sheets;

/// <summary>
/// Bounds on a spreadsheet MSEL, checked before (file size, package) or while (rows, columns, cells) it is read: a
/// national exercise's MSEL has a few hundred injects, so these leave room without letting a file cost more than a moment.
/// </summary>
public static class SheetLimits
{
    /// <summary>The file as given (.xlsx or .csv).</summary>
    public const int MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>All cells together, in characters: about what a scenario file may hold, with room for the sheet layout.</summary>
    public const int MaxTotalChars = 2 * ScenarioLimits.MaxFileBytes;

    public static SheetBounds Bounds { get; } = new(
        MaxRows: 5_000, MaxColumns: 100, MaxCellChars: 32_767, MaxUnpackedBytes: 64L * 1024 * 1024, MaxZipEntries: 1_000);
}
