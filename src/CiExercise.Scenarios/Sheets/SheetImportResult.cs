using CiExercise.Contracts.Scenarios;

namespace CiExercise.Scenarios.Sheets;

/// <summary>The outcome of importing a spreadsheet MSEL: the scenario when there is no error, and every finding.</summary>
public sealed record SheetImportResult(Scenario? Scenario, IReadOnlyList<SheetDiagnostic> Diagnostics)
{
    public bool Succeeded => Scenario is not null;
}
