namespace CiExercise.Scenarios.Tests;

public sealed class LibraryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ciex-library-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_scenario_id_used_twice_is_an_error_on_the_later_file()
    {
        File.WriteAllText(Path.Combine(_folder, "a.yaml"), ScenarioText.Valid);
        File.WriteAllText(Path.Combine(_folder, "b.yml"), ScenarioText.Valid);
        File.WriteAllText(Path.Combine(_folder, "notes.txt"), "not a scenario");

        var library = ScenarioLibrary.Load(_folder);

        Assert.Single(library.Scenarios);
        var diagnostic = Assert.Single(library.Diagnostics);
        Assert.Equal(("CIEX040", 1, 5), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
        Assert.EndsWith("b.yml", diagnostic.Path);
    }

    [Fact]
    public void Invalid_files_are_left_out_and_their_diagnostics_kept()
    {
        File.WriteAllText(Path.Combine(_folder, "good.yaml"), ScenarioText.Valid);
        File.WriteAllText(Path.Combine(_folder, "bad.yaml"), ScenarioText.With((1, "id: other"), (9, "    sector: banking")));

        var library = ScenarioLibrary.Load(_folder);

        Assert.Equal(["t"], library.Scenarios.Select(s => s.Id));
        Assert.Contains(library.Diagnostics, d => d.Code == "CIEX023" && d.Path.EndsWith("bad.yaml"));
        Assert.True(library.HasErrors);
    }
}
