using CiExercise.Contracts.Exercises;

namespace CiExercise.Server.Exercises;

/// <summary>
/// One line of the exercise list: what the catalog knows and where the exercise stands now. Imported: brought in
/// from another server's export, read-only (reviewed, never played).
/// </summary>
public sealed record ExerciseSummary(
    string Id,
    string Name,
    string ScenarioId,
    DateTimeOffset CreatedAt,
    ExerciseStatus Status,
    ClockView Clock,
    long LastSeq,
    bool Imported = false);
