using CiExercise.Review.Report;

namespace CiExercise.Server.Reports;

/// <summary>
/// The whole record of an exercise as one JSON file, for archiving and for review on another server:
/// { format, version, marking, exercise: {id, name, scenarioId, createdAt}, scenario, events: [ExerciseEvent...] }.
/// Events come last, in seq order, so that a reader checks them against the scenario as it streams.
/// </summary>
public static class ExportFormat
{
    public const string Format = "ciexercise-export";
    public const int Version = 1;

    /// <summary>Both languages: an export is an exercise output like any other (ARCHITECTURE.md invariant 6).</summary>
    public const string Marking = ReportBuilder.EnglishMarking;

    public static string FileName(string exerciseId) => $"{exerciseId}.ciexercise-export.json";
}

/// <summary>The catalog line of an exported exercise.</summary>
public sealed record ExportedExercise(string Id, string Name, string ScenarioId, DateTimeOffset CreatedAt);
