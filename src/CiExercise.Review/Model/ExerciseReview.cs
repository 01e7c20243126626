using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Review.Model;

/// <summary>
/// The review of one exercise as of LastSeq: everything but the timeline rows and replays, which are paged and
/// asked for separately. Computed from the event log alone; the same LastSeq always gives the same review.
/// </summary>
public sealed record ExerciseReview(
    string ExerciseId,
    string Name,
    Scenario Scenario,
    ExerciseStatus Status,
    long LastSeq,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    TimeSpan ScenarioEnd,
    IReadOnlyList<ClockBand> Bands,
    KpiReport Kpis,
    EvaluationReport Evaluation,
    ParticipationReport Participation)
{
    /// <summary>Each cascade through the scenario's services: its root cause, what followed, which decisions stopped it or failed to.</summary>
    public IReadOnlyList<Cascade> Cascades { get; init; } = [];
}
