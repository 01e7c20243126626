using CiExercise.Contracts.Scenarios;
using CiExercise.Scenarios.Sheets;

namespace CiExercise.Scenarios.Tests.Sheets;

/// <summary>Every scenario in scenarios/ exported to a spreadsheet and imported back is the same scenario.</summary>
public sealed class SheetRoundTripTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ciex-sheets-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [MemberData(nameof(SampleScenarioTests.ScenarioFiles), MemberType = typeof(SampleScenarioTests))]
    public void A_scenario_exported_to_xlsx_and_imported_back_is_the_same(string file)
    {
        var scenario = Parse(file);
        var xlsx = Path.Combine(_folder, "msel.xlsx");
        using (var stream = File.Create(xlsx)) ScenarioSheets.WriteXlsx(scenario, stream);

        var result = ScenarioSheets.Import(xlsx, null, new Dictionary<string, string>());

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(ScenarioJson.Serialize(scenario), ScenarioJson.Serialize(result.Scenario));
    }

    [Theory]
    [MemberData(nameof(SampleScenarioTests.ScenarioFiles), MemberType = typeof(SampleScenarioTests))]
    public void A_scenario_exported_to_csv_and_imported_back_with_its_file_as_base_is_the_same(string file)
    {
        var scenario = Parse(file);
        var csv = Path.Combine(_folder, "injects.csv");
        using (var stream = File.Create(csv)) ScenarioSheets.WriteCsv(scenario, stream);

        var result = ScenarioSheets.Import(csv, Path.Combine(RepositoryScenarios.Folder, file), new Dictionary<string, string>());

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(ScenarioJson.Serialize(scenario), ScenarioJson.Serialize(result.Scenario));
    }

    [Fact]
    public void The_test_scenario_with_every_key_of_dynamics_survives_both_round_trips()
    {
        var scenario = Parse(RepositoryScenarios.DynamicsPath);
        var xlsx = Path.Combine(_folder, "dynamics.xlsx");
        var csv = Path.Combine(_folder, "dynamics.csv");
        using (var stream = File.Create(xlsx)) ScenarioSheets.WriteXlsx(scenario, stream);
        using (var stream = File.Create(csv)) ScenarioSheets.WriteCsv(scenario, stream);

        var fromXlsx = ScenarioSheets.Import(xlsx, null, new Dictionary<string, string>());
        var fromCsv = ScenarioSheets.Import(csv, RepositoryScenarios.DynamicsPath, new Dictionary<string, string>());

        Assert.True(fromXlsx.Succeeded, string.Join("\n", fromXlsx.Diagnostics));
        Assert.True(fromCsv.Succeeded, string.Join("\n", fromCsv.Diagnostics));
        Assert.Equal(ScenarioJson.Serialize(scenario), ScenarioJson.Serialize(fromXlsx.Scenario));
        Assert.Equal(ScenarioJson.Serialize(scenario), ScenarioJson.Serialize(fromCsv.Scenario));
    }

    [Fact]
    public void The_csv_is_utf8_with_a_byte_order_mark_and_guards_cells_a_spreadsheet_would_run()
    {
        var scenario = Parse("cloud-ransomware-cascade.yaml");
        using var stream = new MemoryStream();

        ScenarioSheets.WriteCsv(scenario, stream);

        var bytes = stream.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.StartsWith("インジェクトID / Inject id,時刻 / At,経路 / Channel,宛先 / To,", lines[0]);
        // An offset starts with '+', which Excel would take for a formula.
        Assert.StartsWith($"{scenario.Injects[0].Id},'+00:00,", lines[1]);
    }

    private static Scenario Parse(string file)
    {
        var result = ScenarioParser.ParseFile(Path.Combine(RepositoryScenarios.Folder, file));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Scenario!;
    }
}
