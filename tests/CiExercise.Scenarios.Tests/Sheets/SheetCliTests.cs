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
