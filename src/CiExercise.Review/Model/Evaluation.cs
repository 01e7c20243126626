using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Review.Model;

/// <summary>The exercise rated against its objectives: each objective's tasks and observations, and what nobody evaluated.</summary>
public sealed record EvaluationReport(
    IReadOnlyList<ObjectiveEvaluation> Objectives,
    IReadOnlyList<ObservationEntry> Observations,
    IReadOnlyList<string> UnevaluatedObjectives,
    IReadOnlyList<TaskRef> UnevaluatedTasks);

/// <summary>One objective: its current rating is its worst current task rating (null: no task rated).</summary>
public sealed record ObjectiveEvaluation(
    string ObjectiveId, LocalizedText Text, string Capability, HseepRating? Rating, IReadOnlyList<TaskEvaluation> Tasks, int Observations);

/// <summary>One critical task: every rating in order; Current is the last one.</summary>
public sealed record TaskEvaluation(string TaskId, LocalizedText Text, HseepRating? Current, IReadOnlyList<TaskRatingEntry> Ratings);

public sealed record TaskRatingEntry(long Seq, string EvaluatorId, DateTimeOffset WallTime, HseepRating Rating, string? Text, IReadOnlyList<long> EvidenceSeqs);

public sealed record TaskRef(string ObjectiveId, string TaskId);

public sealed record ObservationEntry(long Seq, string EvaluatorId, DateTimeOffset WallTime, TimeSpan ScenarioTime, Observation Observation);
