using CiExercise.Contracts.Exercises;

namespace CiExercise.Contracts.Events.Payloads;

/// <summary>A participant's hot-wash answers, on the organization's stream after the exercise ended.</summary>
public sealed record HotWashPayload(IReadOnlyList<HotWashAnswer> Answers, string? ClientActionId, string? Fingerprint = null);
