namespace CiExercise.Scenarios.Sheets;

/// <summary>
/// One finding about a spreadsheet MSEL, where it is: Location names the file, then the sheet and cell with its
/// column key ("msel.xlsx: Injects!D7 (at)"), with the line and column inside a YAML cell when it matters
/// ("Injects!W7 (when, 1:15)"); a finding about the base scenario file is "base.yaml:12:5", as ciex validate says.
/// Sheet and Cell are null for the whole workbook or file; Cell is the row alone ("7") for a whole row.
/// </summary>
public sealed record SheetDiagnostic(string Location, string? Sheet, string? Cell, DiagnosticSeverity Severity, string Code, string Message)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    public override string ToString() => $"{Location}: {(IsError ? "error" : "warning")} {Code}: {Message}";
}
