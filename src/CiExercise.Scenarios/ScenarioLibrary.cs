using CiExercise.Contracts.Scenarios;

namespace CiExercise.Scenarios;

/// <summary>
/// The valid scenarios of a folder (*.yaml and *.yml, not recursive) and every finding about its files.
/// Files are read in ordinal name order, so when two share a scenario id the later one is refused.
/// </summary>
public sealed class ScenarioLibrary
{
    private readonly Dictionary<string, Scenario> _byId;

    private ScenarioLibrary(IReadOnlyList<Scenario> scenarios, IReadOnlyList<Diagnostic> diagnostics)
    {
        Scenarios = scenarios;
        Diagnostics = diagnostics;
        _byId = scenarios.ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<Scenario> Scenarios { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    public Scenario? Find(string id) => _byId.GetValueOrDefault(id);

    public static ScenarioLibrary Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return new ScenarioLibrary([], [new Diagnostic(folder, 1, 1, DiagnosticSeverity.Error, DiagnosticCodes.FileUnreadable, "scenario folder not found")]);
        }

        var files = Directory.EnumerateFiles(folder)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);

        var scenarios = new List<Scenario>();
        var diagnostics = new List<Diagnostic>();
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var result = ScenarioParser.ParseFile(file);
            diagnostics.AddRange(result.Diagnostics);
            if (result.Scenario is not { } scenario)
            {
                continue;
            }

            if (sources.TryGetValue(scenario.Id, out var first))
            {
                var at = result.IdPosition ?? SourcePosition.FileStart;
                diagnostics.Add(new Diagnostic(file, at.Line, at.Column, DiagnosticSeverity.Error, DiagnosticCodes.DuplicateScenarioId,
                    $"scenario id '{scenario.Id}' is already used by {first}; this file is not loaded"));
                continue;
            }

            sources.Add(scenario.Id, file);
            scenarios.Add(scenario);
        }

        return new ScenarioLibrary(scenarios, diagnostics);
    }
}
