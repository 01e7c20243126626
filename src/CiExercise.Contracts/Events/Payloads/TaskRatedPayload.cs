using CiExercise.Contracts.Exercises;

namespace CiExercise.Contracts.Events.Payloads;

public sealed record TaskRatedPayload(TaskRating Rating, string? ClientActionId, string? Fingerprint = null);
