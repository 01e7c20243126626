using CiExercise.Contracts.Scenarios;

namespace CiExercise.Server.Exercises;

/// <summary>
/// What every member of an exercise may know of its scenario: the story frame, phases, organizations
/// (so a participant can choose whom to report to) and objectives. Never the injects: they would tell
/// participants what is coming.
/// </summary>
public sealed record ExerciseDirectory(
    string ExerciseId,
    LocalizedText Title,
    LocalizedText Summary,
    string TimeZone,
    DateTimeOffset StoryStart,
    TimeSpan? PlannedDuration,
    IReadOnlyList<Phase> Phases,
    IReadOnlyList<Organization> Organizations,
    IReadOnlyList<Objective> Objectives)
{
    public static ExerciseDirectory Of(string exerciseId, Scenario s) =>
        new(exerciseId, s.Title, s.Summary, s.TimeZone, s.StoryStart, s.PlannedDuration, s.Phases, s.Organizations, s.Objectives);
}
