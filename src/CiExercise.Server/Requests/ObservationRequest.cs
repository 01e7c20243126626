using CiExercise.Contracts.Exercises;

namespace CiExercise.Server.Requests;

/// <summary>An evaluator's observation; the evaluator is the signed-in principal.</summary>
public sealed record ObservationRequest(
    ObservationKind? Kind,
    HseepRating? Rating,
    string? Text,
    IReadOnlyList<string>? ObjectiveIds,
    IReadOnlyList<string>? InjectIds,
    IReadOnlyList<string>? OrganizationIds,
    string? ClientActionId) : IKeyedRequest;

/// <summary>An evaluator's rating of a critical task; the evaluator is the signed-in principal.</summary>
public sealed record TaskRatingRequest(
    string? ObjectiveId,
    string? TaskId,
    HseepRating? Rating,
    string? Text,
    IReadOnlyList<long>? EvidenceSeqs,
    string? ClientActionId) : IKeyedRequest;
