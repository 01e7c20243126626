using CiExercise.Contracts.Scenarios;
using CiExercise.Scenarios.Sheets;
using CiExercise.Spreadsheets;

namespace CiExercise.Scenarios.Tests.Sheets;

/// <summary>A scenario's exported sheets as editable rows, to spoil one cell and write the workbook or its Injects CSV.</summary>
internal sealed class MselWorkbook
{
    private readonly List<(string Name, List<List<string>> Rows)> _sheets;

    public MselWorkbook(Scenario scenario) =>
        _sheets = ScenarioSheets.Tables(scenario).Select(t => (t.Section.Name, t.Rows.Select(r => r.ToList()).ToList())).ToList();

    public List<List<string>> Sheet(string name) => _sheets.Single(s => s.Name == name).Rows;

    /// <summary>Sets the cell of a table sheet's column (by its key) in a data row (1 is the first below the header).</summary>
    public MselWorkbook Set(string sheet, string key, int dataRow, string text)
    {
        Sheet(sheet)[dataRow][Column(sheet, key)] = text;
        return this;
    }

    public MselWorkbook RemoveColumn(string sheet, string key)
    {
        var column = Column(sheet, key);
        foreach (var row in Sheet(sheet)) row.RemoveAt(column);
        return this;
    }

    /// <summary>The zero-based column of a key in the exported header.</summary>
    public int Column(string sheet, string key) =>
        MselSheets.All.Single(s => s.Name == sheet).Columns.Select(c => c.Key).ToList().IndexOf(key);

    public string WriteXlsx(string folder)
    {
        var path = Path.Combine(folder, $"{Guid.NewGuid():N}.xlsx");
        using var stream = File.Create(path);
        XlsxWriting.WriteTextSheets(stream, _sheets.Select(s => (s.Name, s.Rows.Select(r => (IReadOnlyList<string>)r))));
        return path;
    }

    public string WriteCsv(string folder)
    {
        var path = Path.Combine(folder, $"{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, string.Join("\r\n", Sheet("Injects").Select(r => CsvTable.Line(r))), CsvTable.Utf8WithMark);
        return path;
    }
}
