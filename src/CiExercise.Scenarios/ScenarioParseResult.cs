using CiExercise.Contracts.Scenarios;

namespace CiExercise.Scenarios;

/// <summary>The outcome of reading one scenario file: the scenario when there is no error, and every finding.</summary>
public sealed class ScenarioParseResult
{
    internal ScenarioParseResult(string path, Scenario? scenario, IReadOnlyList<Diagnostic> diagnostics, SourcePosition? idPosition)
    {
        Path = path;
        Scenario = scenario;
        Diagnostics = diagnostics;
        IdPosition = idPosition;
    }

    public string Path { get; }

    /// <summary>Null when any error was found.</summary>
    public Scenario? Scenario { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public bool Succeeded => Scenario is not null;

    /// <summary>Where the scenario id was written, so a library can point at it when ids clash.</summary>
    internal SourcePosition? IdPosition { get; }
}
