using CiExercise.Scenarios;

namespace CiExercise.Server.Scenarios;

/// <summary>The scenarios the server serves: the valid ones of the scenario folder, as loaded at start.</summary>
public sealed class ScenarioLibraryState
{
    private volatile IReadOnlyList<LoadedScenario> _scenarios = [];

    public IReadOnlyList<LoadedScenario> Scenarios => _scenarios;

    public LoadedScenario? Find(string id) => _scenarios.FirstOrDefault(s => s.Scenario.Id == id);

    public void Load(ScenarioFolder folder, ScenarioLibrary library)
    {
        // The library reads files in ordinal name order and keeps a scenario only from a file without errors,
        // so those files, in that order, are the sources of its scenarios, one for one.
        var valid = Files(folder)
            .Where(file => !library.Diagnostics.Any(d => d.IsError && d.Path == file))
            .ToArray();
        _scenarios = library.Scenarios
            .Select((scenario, i) => new LoadedScenario(scenario,
                valid.Length == library.Scenarios.Count ? Path.GetRelativePath(folder.Path, valid[i]) : ""))
            .ToArray();
    }

    private static IEnumerable<string> Files(ScenarioFolder folder) =>
        Directory.Exists(folder.Path)
            ? Directory.EnumerateFiles(folder.Path)
                .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
            : [];
}
