namespace CiExercise.Contracts.Exercises;

/// <summary>
/// An evaluator's rating of one critical task of an objective, with the evidence it rests on: the seqs of
/// observations and other events of the log. A later rating of the same task by anyone supersedes it.
/// </summary>
[GenerateSerializer, Immutable, Alias("ciex.TaskRating")]
public sealed record TaskRating(
    [property: Id(0)] string ObjectiveId,
    [property: Id(1)] string TaskId,
    [property: Id(2)] HseepRating Rating,
    [property: Id(3)] string? Text,
    [property: Id(4)] IReadOnlyList<long> EvidenceSeqs);
