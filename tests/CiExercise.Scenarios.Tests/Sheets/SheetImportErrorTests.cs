using CiExercise.Contracts.Scenarios;
using CiExercise.Scenarios.Sheets;
using CiExercise.Spreadsheets;

namespace CiExercise.Scenarios.Tests.Sheets;

/// <summary>A malformed spreadsheet MSEL: every finding names its sheet, row and column, and no scenario comes out.</summary>
public sealed class SheetImportErrorTests : IDisposable
{
    private static readonly Dictionary<string, string> NoMap = [];
    private readonly string _folder = Directory.CreateTempSubdirectory("ciex-sheets-").FullName;
    private readonly Scenario _sample = ScenarioParser.ParseFile(RepositoryScenarios.SamplePath).Scenario!;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_bad_time_is_reported_at_its_cell()
    {
        var book = new MselWorkbook(_sample).Set("Injects", "at", 2, "25:99");

        var result = Import(book.WriteXlsx(_folder));

        var error = Single(result, DiagnosticCodes.BadTimeFormat);
        Assert.Equal(("Injects", "B3"), (error.Sheet, error.Cell));
        Assert.EndsWith(": Injects!B3 (at)", error.Location);
        Assert.Contains("'25:99'", error.Message);
    }

    [Fact]
    public void An_unknown_organization_inside_a_yaml_cell_is_reported_at_its_place_in_the_cell()
    {
        var book = new MselWorkbook(_sample).Set("Injects", "to", 1, "{organizations: [toto-bank, nobody]}");

        var result = Import(book.WriteXlsx(_folder));

        var error = Single(result, DiagnosticCodes.UnknownOrganization);
        Assert.Equal("D2", error.Cell);
        Assert.EndsWith(": Injects!D2 (to, 1:29)", error.Location);
        Assert.Contains("'nobody'", error.Message);
    }

    [Fact]
    public void Broken_condition_text_is_a_yaml_error_at_its_place_in_the_cell()
    {
        var book = new MselWorkbook(_sample).Set("Injects", "when", 3, "{all-of: [{delivered: i01-edr-alert},\n  {decision: {inject: i02-ransom-note}]}");

        var result = Import(book.WriteXlsx(_folder));

        var error = Single(result, DiagnosticCodes.YamlSyntax);
        Assert.Equal(("Injects", "S4"), (error.Sheet, error.Cell));
        Assert.Contains("Injects!S4 (when, 2:", error.Location);
    }

    [Fact]
    public void A_condition_naming_an_unknown_inject_is_reported_at_its_place_in_the_cell()
    {
        var book = new MselWorkbook(_sample).Set("Injects", "when", 3, "{any-of: [{delivered: i01-edr-alert}, {decision: {inject: nope}}]}");

        var result = Import(book.WriteXlsx(_folder));

        var error = Single(result, DiagnosticCodes.UnknownInject);
        Assert.EndsWith(": Injects!S4 (when, 1:59)", error.Location);
        Assert.Contains("'nope'", error.Message);
    }

    [Fact]
    public void A_missing_required_column_is_reported_at_the_header_row()
    {
        var book = new MselWorkbook(_sample).RemoveColumn("Injects", "channel");

        var result = Import(book.WriteXlsx(_folder));

        var error = Single(result, DiagnosticCodes.MissingField);
        Assert.Equal(("Injects", "1"), (error.Sheet, error.Cell));
        Assert.Contains("'channel'", error.Message);
    }

    [Fact]
    public void A_duplicate_id_is_reported_at_the_repeat_naming_the_first_cell()
    {
        var first = _sample.Injects[0].Id;
        var book = new MselWorkbook(_sample).Set("Injects", "id", 3, first);

        var result = Import(book.WriteXlsx(_folder));

        var error = Single(result, DiagnosticCodes.DuplicateId);
        Assert.Equal(("Injects", "A4"), (error.Sheet, error.Cell));
        Assert.Contains($"'{first}' (first defined at Injects!A2)", error.Message);
    }

    [Fact]
    public void An_unknown_sector_in_the_organizations_sheet_is_reported_there()
    {
        var book = new MselWorkbook(_sample).Set("Organizations", "sector", 9, "banking");

        var result = Import(book.WriteXlsx(_folder));

        var error = Single(result, DiagnosticCodes.UnknownSector);
        Assert.Equal(("Organizations", "D10"), (error.Sheet, error.Cell));
    }

    [Fact]
    public void Every_error_of_a_file_is_reported_at_once()
    {
        var book = new MselWorkbook(_sample)
            .Set("Injects", "at", 1, "soon")
            .Set("Injects", "channel", 2, "fax")
            .Set("Phases", "start", 1, "+xx");

        var result = Import(book.WriteXlsx(_folder));

        Assert.Equal(["Phases!D2", "Injects!B2", "Injects!C3"],
            result.Diagnostics.Where(d => d.IsError).Select(d => $"{d.Sheet}!{d.Cell}"));
    }

    [Fact]
    public void A_csv_gets_the_same_cell_references()
    {
        var book = new MselWorkbook(_sample).Set("Injects", "at", 2, "25:99");

        var result = ScenarioSheets.Import(book.WriteCsv(_folder), RepositoryScenarios.SamplePath, NoMap);

        var error = Single(result, DiagnosticCodes.BadTimeFormat);
        Assert.Equal(("Injects", "B3"), (error.Sheet, error.Cell));
    }

    [Fact]
    public void A_csv_without_a_base_lacks_the_scenario_and_organizations_sheets()
    {
        var result = Import(new MselWorkbook(_sample).WriteCsv(_folder));

        Assert.Null(result.Scenario);
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("no sheet 'Scenario'") && d.Sheet is null);
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("no sheet 'Organizations'"));
    }

    [Fact]
    public void A_csv_with_more_rows_than_the_bound_is_refused_unread()
    {
        var path = Path.Combine(_folder, "many.csv");
        var header = string.Join(",", MselSheets.Injects.Columns.Select(c => c.Key));
        File.WriteAllLines(path, Enumerable.Range(0, SheetLimits.Bounds.MaxRows + 2).Select(i => $"i{i},+00:00").Prepend(header));

        var result = ScenarioSheets.Import(path, RepositoryScenarios.SamplePath, NoMap);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.FileUnreadable, error.Code);
        Assert.Contains($"more than {SheetLimits.Bounds.MaxRows:N0} rows", error.Message);
    }

    [Fact]
    public void A_file_larger_than_the_bound_is_refused_before_it_is_read()
    {
        var path = Path.Combine(_folder, "large.csv");
        using (var file = File.Create(path)) file.SetLength(SheetLimits.MaxFileBytes + 1);

        var result = Import(path);

        Assert.Contains("may hold at most", Assert.Single(result.Diagnostics).Message);
    }

    [Fact]
    public void A_planners_own_headers_are_read_through_the_map()
    {
        var book = new MselWorkbook(_sample);
        var header = book.Sheet("Injects")[0];
        header[book.Column("Injects", "title-en")] = "Subject";
        header[book.Column("Injects", "title-ja")] = "件名";
        header[book.Column("Injects", "at")] = "Time";
        var path = book.WriteXlsx(_folder);

        var unmapped = Import(path);
        var mapped = ScenarioSheets.Import(path, null, new Dictionary<string, string> { ["subject"] = "title-en", ["TIME"] = "at" });

        Assert.Contains(unmapped.Diagnostics, d => d is { IsError: false, Cell: "B1" } && d.Message.StartsWith("column 'Time' is not read"));
        Assert.True(mapped.Succeeded, string.Join("\n", mapped.Diagnostics));
        Assert.Equal(ScenarioJson.Serialize(_sample), ScenarioJson.Serialize(mapped.Scenario));
    }

    private static SheetImportResult Import(string path) => ScenarioSheets.Import(path, null, NoMap);

    private static SheetDiagnostic Single(SheetImportResult result, string code)
    {
        Assert.Null(result.Scenario);
        return Assert.Single(result.Diagnostics, d => d.Code == code && d.IsError);
    }
}
