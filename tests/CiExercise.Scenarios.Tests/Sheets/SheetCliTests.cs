using CiExercise.Cli;
using CiExercise.Contracts.Scenarios;
using CiExercise.Scenarios.Sheets;

namespace CiExercise.Scenarios.Tests.Sheets;

public sealed class SheetCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ciex-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Export_writes_a_workbook_that_imports_back_to_the_same_scenario()
    {
        var xlsx = Path.Combine(_folder, "msel.xlsx");

        var (code, output) = Run("export", RepositoryScenarios.SamplePath, "--format", "xlsx", "--out", xlsx);

        Assert.Equal(0, code);
        Assert.Contains($"wrote {xlsx}: scenario 'cloud-ransomware-cascade'", output);
        var imported = ScenarioSheets.Import(xlsx, null, new Dictionary<string, string>());
        var original = ScenarioParser.ParseFile(RepositoryScenarios.SamplePath).Scenario;
        Assert.Equal(ScenarioJson.Serialize(original), ScenarioJson.Serialize(imported.Scenario));
    }

    [Fact]
    public void Export_as_csv_defaults_to_the_scenario_files_name()
    {
        var copy = Path.Combine(_folder, "sample.yaml");
        File.Copy(RepositoryScenarios.SamplePath, copy);

        var (code, output) = Run("export", copy, "--format", "csv");

        Assert.Equal(0, code);
        Assert.Contains("--base", output);
        var bytes = File.ReadAllBytes(Path.Combine(_folder, "sample.csv"));
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("インジェクトID", System.Text.Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public void Export_of_an_invalid_scenario_prints_its_diagnostics_and_writes_nothing()
    {
        var bad = Path.Combine(_folder, "bad.yaml");
        File.WriteAllText(bad, ScenarioText.With((9, "    sector: banking")));

        var (code, output) = Run("export", bad, "--format", "xlsx");

        Assert.Equal(1, code);
        Assert.Contains($"{bad}:9:13: error CIEX023:", output);
        Assert.Equal([bad], Directory.GetFiles(_folder));
    }

    [Fact]
    public void Export_refuses_an_unknown_format()
    {
        var (code, output) = Run("export", RepositoryScenarios.SamplePath, "--format", "ods");

        Assert.NotEqual(0, code);
        Assert.Contains("ods", output);
    }

    [Fact]
    public void Import_writes_a_scenario_file_that_validates_to_the_same_scenario()
    {
        var xlsx = Path.Combine(_folder, "msel.xlsx");
        var yaml = Path.Combine(_folder, "imported.yaml");
        Run("export", RepositoryScenarios.SamplePath, "--format", "xlsx", "--out", xlsx);

        var (code, output) = Run("import", xlsx, "--out", yaml);

        Assert.Equal(0, code);
        Assert.Contains($"wrote {yaml}: valid: scenario 'cloud-ransomware-cascade'", output);
        var original = ScenarioParser.ParseFile(RepositoryScenarios.SamplePath).Scenario;
        Assert.Equal(ScenarioJson.Serialize(original), ScenarioJson.Serialize(ScenarioParser.ParseFile(yaml).Scenario));
    }

    [Fact]
    public void Import_of_a_csv_takes_the_other_sections_from_the_base_and_reads_own_headers_through_the_map()
    {
        var csv = Path.Combine(_folder, "injects.csv");
        var yaml = Path.Combine(_folder, "imported.yaml");
        Run("export", RepositoryScenarios.SamplePath, "--format", "csv", "--out", csv);
        var lines = File.ReadAllLines(csv);
        lines[0] = lines[0].Replace("件名（英語） / Title (en)", "Subject", StringComparison.Ordinal);
        File.WriteAllLines(csv, lines);

        var (code, output) = Run("import", csv, "--base", RepositoryScenarios.SamplePath, "--map", "Subject=title-en", "--out", yaml);

        Assert.Equal(0, code);
        var original = ScenarioParser.ParseFile(RepositoryScenarios.SamplePath).Scenario;
        Assert.Equal(ScenarioJson.Serialize(original), ScenarioJson.Serialize(ScenarioParser.ParseFile(yaml).Scenario));
        Assert.DoesNotContain("error", output);
    }

    [Fact]
    public void Import_with_an_error_prints_it_at_its_cell_and_writes_nothing()
    {
        var scenario = ScenarioParser.ParseFile(RepositoryScenarios.SamplePath).Scenario!;
        var xlsx = new MselWorkbook(scenario).Set("Injects", "at", 2, "25:99").WriteXlsx(_folder);
        var yaml = Path.Combine(_folder, "imported.yaml");

        var (code, output) = Run("import", xlsx, "--out", yaml);

        Assert.Equal(1, code);
        Assert.Contains($"{xlsx}: Injects!B3 (at): error CIEX030:", output);
        Assert.Contains("nothing was written", output);
        Assert.False(File.Exists(yaml));
    }

    [Fact]
    public void Import_refuses_a_map_that_names_no_column()
    {
        var (code, output) = Run("import", "x.xlsx", "--out", "y.yaml", "--map", "Subject=subject");

        Assert.NotEqual(0, code);
        Assert.Contains("'subject' is not one of", output);
    }

    [Theory]
    [InlineData("Subject", "is not \"Header text=column-key\"")]
    [InlineData("Subject=subject", "'subject' is not one of")]
    public void A_header_map_that_names_no_column_is_refused(string option, string message)
    {
        var (_, error) = ImportRunner.ParseMap([option]);

        Assert.Contains(message, error);
    }

    [Fact]
    public void A_header_map_maps_the_header_to_its_column_key()
    {
        var (map, error) = ImportRunner.ParseMap(["Subject = title-en", "a=b=at"]);

        Assert.Null(error);
        Assert.Equal(new Dictionary<string, string> { ["Subject"] = "title-en", ["a=b"] = "at" }, map);
    }

    private static (int Code, string Output) Run(params string[] args)
    {
        var output = new StringWriter();
        var code = CiexApp.Run(args, output, output, TimeProvider.System);
        return (code, output.ToString().Replace("\r\n", "\n"));
    }
}
