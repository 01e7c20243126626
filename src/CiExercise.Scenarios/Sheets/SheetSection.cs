namespace CiExercise.Scenarios.Sheets;

/// <summary>
/// One sheet of a spreadsheet MSEL and the part of the scenario file it holds. A table sheet has a header row and
/// one row per item of the list under YamlKey; a key/value sheet (Scenario, Review) has one row per key, the key in
/// column A and its value in column B. YamlKey null: the keys are the scenario's own top-level keys.
/// </summary>
internal sealed record SheetSection(string Name, string JaName, string? YamlKey, bool IsTable, IReadOnlyList<SheetColumn> Columns)
{
    /// <summary>The header of a key/value sheet's two columns.</summary>
    public static readonly SheetColumn KeyHeader = SheetColumn.Of("key", CellKind.Plain, "項目", "Key");

    public static readonly SheetColumn ValueHeader = SheetColumn.Of("value", CellKind.Plain, "値", "Value");

    public SheetColumn? Find(string key) => Columns.FirstOrDefault(c => c.Key == key);
}
